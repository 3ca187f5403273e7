package dev.postventa.notifications.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What was said to the customer about a return, when, and how each delivery attempt went. */
public record NotificationView(UUID id, UUID returnId, String template, String channel, String locale,
                               String recipient, String subject, Notification.Status status, Instant createdAt,
                               Instant sentAt, String failureReason, List<Attempt> attempts) {

    /** One delivery attempt. */
    public record Attempt(int attempt, Instant at, String outcome, String error) {
    }

    static NotificationView of(Notification n, List<NotificationAttempt> attempts) {
        return new NotificationView(n.id, n.returnId, n.template, n.channel, n.locale, n.recipient, n.subject, n.status,
                n.createdAt, n.sentAt, n.failureReason, attempts.stream().map(a -> new Attempt(a.attempt, a.at, a.outcome, a.error))
                .toList());
    }
}
