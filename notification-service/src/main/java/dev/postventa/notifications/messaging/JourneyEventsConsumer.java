package dev.postventa.notifications.messaging;

import dev.postventa.notifications.messages.CustomerMessages;
import dev.postventa.notifications.messages.OutgoingMessage;
import dev.postventa.notifications.notifications.NotificationService;
import dev.postventa.support.inbox.IdempotentConsumer;
import dev.postventa.support.inbox.IncomingEvent;
import dev.postventa.support.inbox.SkippedEvents;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Turns customer-facing journey events into messages: stored once per event, then delivered. */
@ApplicationScoped
public class JourneyEventsConsumer {

    private static final Logger LOG = Logger.getLogger(JourneyEventsConsumer.class);

    private final NotificationService notifications;
    private final IdempotentConsumer inbox;
    private final SkippedEvents skipped;

    JourneyEventsConsumer(NotificationService notifications, IdempotentConsumer inbox, SkippedEvents skipped) {
        this.notifications = notifications;
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
            return inbox.handleOnce(event.id(), event.type(), () -> notifications.prepare(message.get()))
                    // Sending happens after the claim committed; a failure here is retried by the sweeper.
                    .chain(() -> notifications.deliver(event.id())
                            .onFailure().invoke(f -> LOG.errorf(f, "delivering message for %s failed", event.id()))
                            .onFailure().recoverWithNull().replaceWithVoid());
        });
    }
}
