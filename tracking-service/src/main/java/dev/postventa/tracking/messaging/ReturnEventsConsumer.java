package dev.postventa.tracking.messaging;

import dev.postventa.events.returns.ReturnApproved;
import dev.postventa.events.returns.ReturnCancelled;
import dev.postventa.support.inbox.EventDispatcher;
import dev.postventa.support.inbox.EventHandlers;
import dev.postventa.tracking.shipment.ShipmentCancellations;
import dev.postventa.tracking.shipment.ShipmentService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Creates a return shipment for every approved return that is shipped back (not kept by the customer), once per
 * event id; its carrier label is owed in the same transaction and requested after the commit (the dispatcher wakes
 * the effect worker). A cancelled return's label is voided the same way.
 */
@ApplicationScoped
public class ReturnEventsConsumer {

    private final EventDispatcher dispatcher;
    private final EventHandlers handlers;

    ReturnEventsConsumer(ShipmentService shipments, ShipmentCancellations cancellations, EventDispatcher dispatcher) {
        this.dispatcher = dispatcher;
        this.handlers = EventHandlers.create().on(ReturnApproved.class, shipments::createFor)
                .on(ReturnCancelled.class, cancellations::cancel);
    }

    @Incoming("returns")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return dispatcher.dispatch(record, handlers);
    }
}
