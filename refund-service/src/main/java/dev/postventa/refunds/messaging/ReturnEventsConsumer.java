package dev.postventa.refunds.messaging;

import dev.postventa.events.EventTypes;
import dev.postventa.events.returns.ReturnReceived;
import dev.postventa.refunds.refunds.RefundService;
import dev.postventa.support.inbox.IdempotentConsumer;
import dev.postventa.support.inbox.IncomingEvent;
import dev.postventa.support.inbox.SkippedEvents;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Owes a refund for every received return (once per event id and once per return), then pays it back. */
@ApplicationScoped
public class ReturnEventsConsumer {

    private final RefundService refunds;
    private final IdempotentConsumer inbox;
    private final SkippedEvents skipped;

    ReturnEventsConsumer(RefundService refunds, IdempotentConsumer inbox, SkippedEvents skipped) {
        this.refunds = refunds;
        this.inbox = inbox;
        this.skipped = skipped;
    }

    @Incoming("returns")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return Uni.createFrom().item(() -> IncomingEvent.from(record)).chain(event -> switch (event.type()) {
            case EventTypes.RETURN_RECEIVED -> {
                ReturnReceived received = event.payloadAs(ReturnReceived.class);
                // The provider is called after the claim's transaction committed, never inside it.
                yield inbox.handleOnce(event.id(), event.type(), () -> refunds.owe(received))
                        .chain(() -> refunds.drive(received.returnId())
                                // The refund is stored: if paying fails here the sweeper pays it, no redelivery needed.
                                .onFailure().recoverWithUni(failure -> refunds.leftForSweeper(received.returnId(), failure)));
            }
            default -> skipped.skip(event.id(), event.type());
        });
    }
}
