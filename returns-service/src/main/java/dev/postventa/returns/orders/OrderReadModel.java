package dev.postventa.returns.orders;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.storefront.StorefrontOrder;
import dev.postventa.events.storefront.StorefrontOrderEvent;
import dev.postventa.support.persistence.CustomerColumns;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Applies storefront order events to the order read model. Events may arrive twice or out of order: the newest
 * snapshot wins for descriptive fields, while delivery and cancellation are sticky once seen.
 */
@ApplicationScoped
public class OrderReadModel {

    /** Must run inside a transaction (the inbox's). */
    public Uni<Void> apply(StorefrontOrderEvent event) {
        StorefrontOrder order = event.order();
        return OrderSnapshot.<OrderSnapshot>findById(order.orderId())
                .chain(existing -> {
                    if (existing == null) {
                        OrderSnapshot created = new OrderSnapshot();
                        created.orderId = order.orderId();
                        copyDescription(created, event);
                        applyLifecycle(created, event);
                        return created.persist();
                    }
                    if (!event.occurredAt().isBefore(existing.snapshotAt)) {
                        copyDescription(existing, event);
                    }
                    applyLifecycle(existing, event);
                    return Uni.createFrom().item(existing);
                })
                .replaceWithVoid();
    }

    private static void copyDescription(OrderSnapshot target, StorefrontOrderEvent event) {
        StorefrontOrder order = event.order();
        target.contact = CustomerColumns.of(
                new CustomerContact(order.customerId(), order.email(), order.locale(), order.country()));
        target.currency = order.currency();
        target.lines(order.lines());
        target.placedAt = order.placedAt();
        target.snapshotAt = event.occurredAt();
    }

    private static void applyLifecycle(OrderSnapshot target, StorefrontOrderEvent event) {
        StorefrontOrder order = event.order();
        Instant delivered = order.deliveredAt() != null ? order.deliveredAt()
                : StorefrontOrderEvent.ORDER_DELIVERED.equals(event.type()) ? event.occurredAt() : null;
        if (target.deliveredAt == null && delivered != null) {
            target.deliveredAt = delivered;
        }
        Instant cancelled = order.cancelledAt() != null ? order.cancelledAt()
                : StorefrontOrderEvent.ORDER_CANCELLED.equals(event.type()) ? event.occurredAt() : null;
        if (target.cancelledAt == null && cancelled != null) {
            target.cancelledAt = cancelled;
        }
    }
}
