package dev.postventa.events.notifications;

import dev.postventa.events.DomainEvent;
import dev.postventa.events.Topics;
import java.time.Instant;
import java.util.UUID;

/**
 * A message about a return reached the customer's channel (the SMTP server accepted the email).
 * Emitted by notification-service; key = notificationId; topic {@value Topics#NOTIFICATIONS}.
 *
 * @param template the message template, named after the event that caused it, e.g. {@code return-approved}
 * @param causationEventId the id of the event the message is about
 */
public record CustomerNotified(UUID notificationId, UUID returnId, String channel, String template, String locale,
                               String recipient, String causationEventId, Instant sentAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return notificationId.toString();
    }
}
