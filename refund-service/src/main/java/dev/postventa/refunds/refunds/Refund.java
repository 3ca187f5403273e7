package dev.postventa.refunds.refunds;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.Money;
import dev.postventa.events.refunds.RefundFailed;
import dev.postventa.events.refunds.RefundIssued;
import dev.postventa.refunds.payments.RefundOrder;
import dev.postventa.support.persistence.CustomerColumns;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The money owed back for one received return, and how paying it back went. */
@Entity
@Table(name = "refund")
public class Refund extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "return_id")
    public UUID returnId;
    @Column(name = "order_id")
    public String orderId;
    public BigDecimal amount;
    public String currency;
    @Enumerated(EnumType.STRING)
    public RefundStatus status;
    public int attempts;
    @Column(name = "provider_reference")
    public String providerReference;
    @Column(name = "failure_reason")
    public String failureReason;
    @Embedded
    public CustomerColumns contact;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public Money money() {
        return new Money(amount, currency).normalized();
    }

    public CustomerContact customer() {
        return contact.toContact();
    }

    /** What the provider is asked to pay; the refund id is the idempotency key, so no retry pays twice. */
    public RefundOrder order() {
        return new RefundOrder(id.toString(), orderId, money());
    }

    /** Marks the refund paid back; the caller stores the returned event in the same transaction. */
    public RefundIssued issue(String reference, int attemptsSoFar, Instant now) {
        status = RefundStatus.ISSUED;
        providerReference = reference;
        attempts = attemptsSoFar;
        updatedAt = now;
        return new RefundIssued(id, returnId, orderId, money(), reference, customer(), now);
    }

    /** Marks the refund failed for good; the caller stores the returned event in the same transaction. */
    public RefundFailed fail(String reason, int attemptsSoFar, Instant now) {
        status = RefundStatus.FAILED;
        failureReason = reason;
        attempts = attemptsSoFar;
        updatedAt = now;
        return new RefundFailed(id, returnId, orderId, money(), reason, customer(), now);
    }
}
