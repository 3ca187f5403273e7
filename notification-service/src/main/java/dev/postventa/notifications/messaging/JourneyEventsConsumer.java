package dev.postventa.notifications.messaging;

import dev.postventa.notifications.delivery.EmailDelivery;
import dev.postventa.notifications.messages.CustomerMessages;
import dev.postventa.notifications.messages.OutgoingMessage;
import dev.postventa.notifications.notifications.PendingNotifications;
import dev.postventa.support.inbox.IdempotentConsumer;
import dev.postventa.support.inbox.IncomingEvent;
import dev.postventa.support.inbox.SkippedEvents;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Turns the customer-facing events of the journey (label created, in transit, received, refund issued or failed)
 * into emails: stored once per event with the inbox claim, then delivered outside that transaction.
 */
@ApplicationScoped
public class JourneyEventsConsumer {

    private static final Logger LOG = Logger.getLogger(JourneyEventsConsumer.class);

    private final PendingNotifications pending;
    private final EmailDelivery delivery;
    private final IdempotentConsumer inbox;
    private final SkippedEvents skipped;

    JourneyEventsConsumer(PendingNotifications pending, EmailDelivery delivery, IdempotentConsumer inbox,
                          SkippedEvents skipped) {
        this.pending = pending;
        this.delivery = delivery;
        this.inbox = inbox;
        this.skipped = skipped;
    }

    @Incoming("journey")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return Uni.createFrom().item(() -> IncomingEvent.from(record)).chain(event -> {
            Optional<OutgoingMessage> message = CustomerMessages.about(event);
            if (message.isEmpty()) {
                return skipped.skip(event.id(), event.type());
            }
            return inbox.handleOnce(event.id(), event.type(), () -> pending.store(message.get()))
                    // The email is stored: a failed delivery is the sweeper's business, not a reason to dead-letter.
                    .chain(() -> delivery.deliverNew(event.id())
                            .onFailure().invoke(f -> LOG.errorf(f, "delivering the message about %s failed", event.id()))
                            .onFailure().recoverWithNull());
        });
    }
}
