package dev.postventa.tracking.messaging;

import dev.postventa.events.EventTypes;
import dev.postventa.events.returns.ReturnApproved;
import dev.postventa.support.inbox.IdempotentConsumer;
import dev.postventa.support.inbox.IncomingEvent;
import dev.postventa.support.inbox.SkippedEvents;
import dev.postventa.tracking.shipments.ShipmentService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Creates a return shipment for every approved return, once per event id. */
@ApplicationScoped
public class ReturnEventsConsumer {

    private final ShipmentService shipments;
    private final IdempotentConsumer inbox;
    private final SkippedEvents skipped;

    ReturnEventsConsumer(ShipmentService shipments, IdempotentConsumer inbox, SkippedEvents skipped) {
        this.shipments = shipments;
        this.inbox = inbox;
        this.skipped = skipped;
    }

    @Incoming("returns")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return Uni.createFrom().item(() -> IncomingEvent.from(record)).chain(event -> switch (event.type()) {
            case EventTypes.RETURN_APPROVED -> inbox.handleOnce(event.id(), event.type(),
                    () -> shipments.createFor(event.payloadAs(ReturnApproved.class)));
            default -> skipped.skip(event.id(), event.type());
        });
    }
}
