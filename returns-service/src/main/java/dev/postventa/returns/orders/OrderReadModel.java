package dev.postventa.returns.orders;

import dev.postventa.events.storefront.StorefrontOrderEvent;
import dev.postventa.returns.kpi.KpiFacts;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/** Applies storefront order events to the order read model; the merge rule lives in {@link OrderSnapshot}. */
@ApplicationScoped
public class OrderReadModel {

    /**
     * Must run inside a transaction (the inbox's). The row is locked so that a return being requested for the
     * order (which locks it too) sees either the snapshot before this event or after it, never half of it.
     */
    public Uni<Void> apply(StorefrontOrderEvent event, KpiFacts facts) {
        return OrderSnapshot.<OrderSnapshot>findById(event.order().orderId(), LockModeType.PESSIMISTIC_WRITE)
                .chain(existing -> {
                    if (existing == null) {
                        // Units sold count once, when the order is first seen: later events of it only merge.
                        OrderSnapshot first = OrderSnapshot.from(event);
                        return first.persist().invoke(() -> facts.sold(first)).replaceWithVoid();
                    }
                    existing.merge(event);
                    return Uni.createFrom().voidItem();
                });
    }
}
