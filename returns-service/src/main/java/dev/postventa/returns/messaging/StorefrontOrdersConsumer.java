package dev.postventa.returns.messaging;

import dev.postventa.events.EventJson;
import dev.postventa.events.UndecodableEventException;
import dev.postventa.events.storefront.StorefrontOrder;
import dev.postventa.events.storefront.StorefrontOrderEvent;
import dev.postventa.returns.kpi.KpiFacts;
import dev.postventa.returns.kpi.KpiMetrics;
import dev.postventa.returns.orders.OrderReadModel;
import dev.postventa.support.inbox.EventDispatcher;
import dev.postventa.support.inbox.SkippedEvents;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds the storefront's order events (plain JSON, not CloudEvents) into the order read model, once per event id;
 * other event types are skipped visibly.
 */
@ApplicationScoped
public class StorefrontOrdersConsumer {

    private final OrderReadModel orders;
    private final EventDispatcher dispatcher;
    private final SkippedEvents skipped;
    private final KpiMetrics kpis;

    StorefrontOrdersConsumer(OrderReadModel orders, EventDispatcher dispatcher, SkippedEvents skipped,
                             KpiMetrics kpis) {
        this.kpis = kpis;
        this.orders = orders;
        this.dispatcher = dispatcher;
        this.skipped = skipped;
    }

    @Incoming("storefront-orders")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return Uni.createFrom().item(() -> parse(record)).chain(event -> switch (event.type()) {
            case StorefrontOrderEvent.ORDER_PLACED, StorefrontOrderEvent.ORDER_DELIVERED,
                 StorefrontOrderEvent.ORDER_CANCELLED ->
                    counted(facts -> dispatcher.handleOnce(event.eventId(), "storefront." + event.type(), () -> {
                        facts.discard(); // a retried attempt starts afresh: only the committed one counts
                        return orders.apply(event, facts);
                    }));
            default -> skipped.skip(event.eventId(), "storefront." + event.type());
        });
    }

    /** Counts the KPI facts of the inbox transaction once it has committed (a duplicate adds none). */
    private Uni<Void> counted(java.util.function.Function<KpiFacts, Uni<Void>> work) {
        KpiFacts facts = kpis.facts();
        return work.apply(facts).invoke(facts::count).onFailure().invoke(facts::discard);
    }

    private static StorefrontOrderEvent parse(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            throw new UndecodableEventException("storefront record without a value at offset " + record.offset());
        }
        StorefrontOrderEvent event = EventJson.fromBytes(record.value(), StorefrontOrderEvent.class);
        require(event.eventId(), "eventId");
        require(event.type(), "type");
        require(event.occurredAt(), "occurredAt");
        StorefrontOrder order = event.order();
        require(order, "order");
        require(order.orderId(), "order.orderId");
        // customerId (guest checkout), locale (defaulted from the country) and country (an order shipped nowhere,
        // which cannot be returned) may be null: see the storefront contract in shared-events/README.md.
        require(order.email(), "order.email");
        require(order.currency(), "order.currency");
        require(order.lines(), "order.lines");
        return event;
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new UndecodableEventException("storefront order event lacks " + field);
        }
    }
}
