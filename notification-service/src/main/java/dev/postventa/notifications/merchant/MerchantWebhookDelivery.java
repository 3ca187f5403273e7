package dev.postventa.notifications.merchant;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One event owed to one subscription, and where it stands: PENDING → DELIVERED | FAILED | CANCELLED (subscription
 * deleted). A call already under way when the subscription was deleted may still turn CANCELLED into DELIVERED.
 */
@Entity
@Table(name = "merchant_webhook_delivery")
public class MerchantWebhookDelivery extends PanacheEntityBase {

    /** Where a delivery is. */
    public enum Status { PENDING, DELIVERED, FAILED, CANCELLED }

    /** The HTTP status quoted by the sender's failure messages ("HTTP 503 ..."). */
    private static final Pattern HTTP_STATUS = Pattern.compile("\\bHTTP ([1-5][0-9]{2})\\b");

    @Id
    public UUID id;
    @Column(name = "subscription_id")
    public UUID subscriptionId;
    @Column(name = "event_id")
    public String eventId;
    @Column(name = "event_type")
    public String eventType;
    @Column(name = "webhook_id")
    public String webhookId;
    public String body;
    @Enumerated(EnumType.STRING)
    public Status status;
    public int attempts;
    @Column(name = "last_http_status")
    public Integer lastHttpStatus;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "delivered_at")
    public Instant deliveredAt;

    /** The endpoint answered 2xx to attempt {@code attempt}. */
    void delivered(int attempt, int httpStatus, Instant now) {
        if (status == Status.DELIVERED || status == Status.FAILED) {
            return;
        }
        status = Status.DELIVERED;
        attempts = attempt;
        lastHttpStatus = httpStatus;
        lastError = null;
        nextAttemptAt = null;
        deliveredAt = now;
        updatedAt = now;
    }

    /** Attempt {@code attempt} failed; the next one is due at {@code next}. */
    void willRetry(int attempt, String reason, Instant next, Instant now) {
        if (status != Status.PENDING) {
            return;
        }
        attempts = attempt;
        lastHttpStatus = httpStatusIn(reason);
        lastError = reason;
        nextAttemptAt = next;
        updatedAt = now;
    }

    /** Refused by the endpoint (a 4xx) or out of attempts: never tried again. */
    void failed(int attempt, String reason, Instant now) {
        if (status != Status.PENDING) {
            return;
        }
        status = Status.FAILED;
        attempts = attempt;
        lastHttpStatus = httpStatusIn(reason);
        lastError = reason;
        nextAttemptAt = null;
        updatedAt = now;
    }

    static Integer httpStatusIn(String reason) {
        Matcher m = reason == null ? null : HTTP_STATUS.matcher(reason);
        return m != null && m.find() ? Integer.valueOf(m.group(1)) : null;
    }
}
