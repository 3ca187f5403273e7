package dev.postventa.returns.messaging;

import dev.postventa.events.shipments.ReturnShipmentCreated;
import dev.postventa.events.shipments.ShipmentStatusChanged;
import dev.postventa.returns.request.ShipmentProgress;
import dev.postventa.support.inbox.EventDispatcher;
import dev.postventa.support.inbox.EventHandlers;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Hands tracking-service's shipment events to the return they belong to, once per event id. */
@ApplicationScoped
public class ShipmentEventsConsumer {

    private final EventDispatcher dispatcher;
    private final EventHandlers handlers;

    ShipmentEventsConsumer(ShipmentProgress progress, EventDispatcher dispatcher) {
        this.dispatcher = dispatcher;
        this.handlers = EventHandlers.create()
                .on(ReturnShipmentCreated.class, progress::labelCreated)
                .on(ShipmentStatusChanged.class, progress::statusChanged);
    }

    @Incoming("shipments")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return dispatcher.dispatch(record, handlers);
    }
}
