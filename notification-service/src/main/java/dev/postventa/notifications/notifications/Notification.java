package dev.postventa.notifications.notifications;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One message to a customer about one event on one channel, rendered once and delivered until it gets through. */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    /** The only channel so far. */
    public static final String EMAIL = "email";

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
    /** Attempts started so far, i.e. the number of the latest one. */
    public int attempts;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "sent_at")
    public Instant sentAt;
    /** While PENDING: when the sweeper may try it (again); empty once SENT or FAILED. */
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
}
