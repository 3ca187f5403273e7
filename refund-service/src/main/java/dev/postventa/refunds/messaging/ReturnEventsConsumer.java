package dev.postventa.refunds.messaging;

import dev.postventa.events.EventCatalog;
import dev.postventa.events.UndecodableEventException;
import dev.postventa.events.returns.ReturnReceived;
import dev.postventa.refunds.refunds.RefundService;
import dev.postventa.support.inbox.IdempotentConsumer;
import dev.postventa.support.inbox.IncomingEvent;
import dev.postventa.support.inbox.SkippedEvents;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Owes a refund for every received return (once per event id and once per return), then pays it back. */
@ApplicationScoped
public class ReturnEventsConsumer {

    private static final Logger LOG = Logger.getLogger(ReturnEventsConsumer.class);

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
            case "postventa.return.received.v1" -> {
                ReturnReceived received = ReturnReceivedContract.check(event.payloadAs(ReturnReceived.class));
                // Paying starts after the claim's transaction committed: no transaction is open during the call.
                // It also runs for a redelivery, which pays a refund a crash left PENDING (same key, paid once).
                yield inbox.handleOnce(event.id(), event.type(), () -> refunds.owe(received))
                        .chain(() -> refunds.drive(received.returnId())
                                // The refund is stored: the sweeper pays it later, the event needs no redelivery.
                                .onFailure().recoverWithUni(failure -> refunds.leftPending(received.returnId(), failure)));
            }
            default -> skipped.skip(event.id(), event.type());
        }).onFailure(UndecodableEventException.class).invoke(failure -> LOG.warnf(
                "record %s-%d@%d (key %s) goes to the dead-letter topic: %s", record.topic(), record.partition(),
                record.offset(), record.key(), failure.getMessage()));
    }
}
