package dev.postventa.notifications.notification;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One try to deliver a notification, and what the channel answered; numbered like the effect's attempts. */
@Entity
@Table(name = "notification_attempt")
public class NotificationAttempt extends PanacheEntityBase {

    public static final String SENT = "SENT";
    public static final String FAILED = "FAILED";

    @Id
    public UUID id;
    @Column(name = "notification_id")
    public UUID notificationId;
    public int attempt;
    public Instant at;
    public String outcome;
    public String error;

    public static NotificationAttempt sent(UUID notificationId, int attempt, Instant at) {
        return of(notificationId, attempt, at, SENT, null);
    }

    public static NotificationAttempt failed(UUID notificationId, int attempt, Instant at, String error) {
        return of(notificationId, attempt, at, FAILED, error);
    }

    private static NotificationAttempt of(UUID notificationId, int attempt, Instant at, String outcome, String error) {
        NotificationAttempt a = new NotificationAttempt();
        a.id = UUID.randomUUID();
        a.notificationId = notificationId;
        a.attempt = attempt;
        a.at = at;
        a.outcome = outcome;
        a.error = error;
        return a;
    }
}
