package dev.postventa.notifications.notification;

import dev.postventa.events.notifications.CustomerNotified;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One message to a customer about one event on one channel, rendered once; it owns its state machine:
 * PENDING → SENT (announced as {@code CustomerNotified}) or PENDING → FAILED, each reached once.
 */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    public static final String EMAIL = "email";
    public static final String SMS = "sms";

    /** Where a message is. */
    public enum Status { PENDING, SENT, FAILED }

    @Id
    public UUID id;
    @Column(name = "return_id")
    public UUID returnId;
    @Column(name = "causation_event_id")
    public String causationEventId;
    public String channel;
    public String template;
    /** The language of the template used: {@code es}, {@code pt-BR} or {@code en}. */
    public String locale;
    public String recipient;
    public String subject;
    public String body;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "sent_at")
    public Instant sentAt;
    /** Why the message was given up; only when FAILED. */
    @Column(name = "failure_reason")
    public String failureReason;

    /** A rendered email about {@code causationEventId}, not yet delivered. */
    public static Notification pendingEmail(UUID id, UUID returnId, String causationEventId, String template,
                                            String locale, String recipient, String subject, String body,
                                            Instant now) {
        Notification n = new Notification();
        n.id = Objects.requireNonNull(id);
        n.returnId = Objects.requireNonNull(returnId);
        n.causationEventId = Objects.requireNonNull(causationEventId);
        n.channel = EMAIL;
        n.template = template;
        n.locale = locale;
        n.recipient = recipient;
        n.subject = subject;
        n.body = body;
        n.status = Status.PENDING;
        n.createdAt = now;
        n.updatedAt = now;
        return n;
    }

    /** A text message about {@code causationEventId} to {@code phone}, not yet delivered; its subject is its text. */
    public static Notification pendingSms(UUID id, UUID returnId, String causationEventId, String template,
                                          String locale, String phone, String text, Instant now) {
        Notification n = pendingEmail(id, returnId, causationEventId, template, locale, phone, text, text, now);
        n.channel = SMS;
        return n;
    }

    public boolean isPending() {
        return status == Status.PENDING;
    }

    /** The channel accepted the message: SENT, and the event that tells the journey so. */
    public CustomerNotified sent(Instant now) {
        requirePending("mark it sent");
        status = Status.SENT;
        sentAt = now;
        updatedAt = now;
        return new CustomerNotified(id, returnId, channel, template, locale, recipient, causationEventId, now);
    }

    /** The message will never get through (refused, or every attempt failed): FAILED, with why. */
    public void failed(String reason, Instant now) {
        requirePending("mark it failed");
        status = Status.FAILED;
        failureReason = reason;
        updatedAt = now;
    }

    private void requirePending(String action) {
        if (status != Status.PENDING) {
            throw new IllegalStateException("notification " + id + " is " + status + ": cannot " + action);
        }
    }
}
