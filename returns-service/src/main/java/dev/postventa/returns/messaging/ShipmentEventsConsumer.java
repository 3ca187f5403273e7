package dev.postventa.returns.messaging;

import dev.postventa.events.EventTypes;
import dev.postventa.events.shipments.ReturnShipmentCreated;
import dev.postventa.events.shipments.ShipmentStatusChanged;
import dev.postventa.returns.shipments.ReturnShipmentProgress;
import dev.postventa.support.inbox.IdempotentConsumer;
import dev.postventa.support.inbox.IncomingEvent;
import dev.postventa.support.inbox.SkippedEvents;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Hands tracking-service's shipment events to the return they belong to, once per event id. */
@ApplicationScoped
public class ShipmentEventsConsumer {

    private final ReturnShipmentProgress progress;
    private final IdempotentConsumer inbox;
    private final SkippedEvents skipped;

    ShipmentEventsConsumer(ReturnShipmentProgress progress, IdempotentConsumer inbox, SkippedEvents skipped) {
        this.progress = progress;
        this.inbox = inbox;
        this.skipped = skipped;
    }

    @Incoming("shipments")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return Uni.createFrom().item(() -> IncomingEvent.from(record)).chain(event -> switch (event.type()) {
            case EventTypes.RETURN_SHIPMENT_CREATED -> inbox.handleOnce(event.id(), event.type(),
                    () -> progress.labelCreated(event.payloadAs(ReturnShipmentCreated.class)));
            case EventTypes.SHIPMENT_STATUS_CHANGED -> inbox.handleOnce(event.id(), event.type(),
                    () -> progress.statusChanged(event.payloadAs(ShipmentStatusChanged.class)));
            default -> skipped.skip(event.id(), event.type());
        });
    }
}
