package dev.postventa.refunds.refund;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.DomainEvent;
import dev.postventa.events.Money;
import dev.postventa.events.refunds.RefundFailed;
import dev.postventa.events.refunds.RefundIssued;
import dev.postventa.events.returns.ResolvedLine;
import dev.postventa.events.returns.ReturnResolved;
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
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The money owed back for one resolved return, and how paying it back went. Owns its state machine:
 * {@code PENDING → ISSUED | FAILED | OUTCOME_UNKNOWN}, {@code OUTCOME_UNKNOWN → ISSUED | FAILED} once the provider
 * tells, and {@code FAILED → ISSUED} when the provider turns out to have paid after all (a late success is never
 * dropped); every transition that the customer must hear of returns the event to publish.
 */
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
    /** Deducted from what the returned lines were worth before {@code amount} was owed (zero when nothing was). */
    @Column(name = "restocking_fee")
    public BigDecimal restockingFee;
    @Enumerated(EnumType.STRING)
    public RefundStatus status;
    /** Provider calls made so far. */
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

    /**
     * A new refund and the events its creation raises.
     *
     * @param events empty for a PENDING refund; {@link RefundFailed} for one that cannot be paid at all
     */
    public record Owed(Refund refund, List<DomainEvent> events) {

        /** True when the provider has to be asked to pay it. */
        public boolean payable() {
            return refund.status == RefundStatus.PENDING;
        }
    }

    /**
     * The refund owed for a resolved return: its {@code refundAmount} (the lines settled as refunds, after any
     * restocking fee, which is kept on the refund), PENDING until the provider answers. Lines in more than one
     * currency have no single amount: that refund is FAILED at once, with a zero amount in the refund amount's
     * currency, and nothing is paid.
     */
    public static Owed owedFor(UUID id, ReturnResolved resolved, Instant now) {
        if (resolved.refundAmount() == null || resolved.refundAmount().amount().signum() <= 0) {
            throw new IllegalArgumentException("return " + resolved.returnId() + " has no amount to refund");
        }
        List<String> currencies = currencies(resolved);
        Money owed = currencies.size() == 1 ? resolved.refundAmount().normalized()
                : Money.zero(resolved.refundAmount().currency());

        Refund refund = new Refund();
        refund.id = id;
        refund.returnId = resolved.returnId();
        refund.orderId = resolved.orderId();
        refund.amount = owed.amount();
        refund.currency = owed.currency();
        refund.restockingFee = resolved.restockingFees() == null ? BigDecimal.ZERO : resolved.restockingFees().amount();
        refund.status = RefundStatus.PENDING;
        refund.attempts = 0;
        refund.contact = CustomerColumns.of(resolved.customer());
        refund.createdAt = now;
        refund.updatedAt = now;
        if (currencies.size() == 1) {
            return new Owed(refund, List.of());
        }
        String reason = "the resolved lines mix currencies " + String.join(", ", currencies);
        return new Owed(refund, List.of(refund.fail(reason, 0, now)));
    }

    /** The refund amount's currency, then those of the lines, each once. */
    private static List<String> currencies(ReturnResolved resolved) {
        return Stream.concat(Stream.of(resolved.refundAmount().currency()),
                        resolved.lines().stream().map(ResolvedLine::unitPrice).map(Money::currency))
                .distinct().toList();
    }

    public Money money() {
        return new Money(amount, currency).normalized();
    }

    /** The restocking fee deducted, in the refund's currency (zero when none). */
    public Money restockingFeeMoney() {
        return new Money(restockingFee == null ? BigDecimal.ZERO : restockingFee, currency).normalized();
    }

    public CustomerContact customer() {
        return contact.toContact();
    }

    public boolean isPending() {
        return status == RefundStatus.PENDING;
    }

    /** What the provider is asked to pay; the refund id is the idempotency key, so no retry pays twice. */
    public RefundOrder order() {
        return new RefundOrder(id.toString(), orderId, money());
    }

    /** True while nobody knows whether the provider paid: the refund is neither ISSUED nor FAILED. */
    public boolean isOutcomeUnknown() {
        return status == RefundStatus.OUTCOME_UNKNOWN;
    }

    /**
     * The provider paid it back (after {@code attemptsMade} calls, or as a lookup of an unknown outcome found); the
     * caller stores the event in the same transaction.
     */
    public RefundIssued issue(String reference, int attemptsMade, Instant now) {
        requireUnsettled("issue it");
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("refund " + id + ": an issued refund needs the provider's reference");
        }
        status = RefundStatus.ISSUED;
        providerReference = reference;
        attempts = Math.max(attempts, attemptsMade);
        updatedAt = now;
        return new RefundIssued(id, returnId, orderId, money(), reference, customer(), now, restockingFeeMoney());
    }

    /** It will never be paid (refused, or given up); the caller stores the event in the same transaction. */
    public RefundFailed fail(String reason, int attemptsMade, Instant now) {
        requireUnsettled("fail it");
        status = RefundStatus.FAILED;
        failureReason = reason;
        attempts = Math.max(attempts, attemptsMade);
        updatedAt = now;
        return new RefundFailed(id, returnId, orderId, money(), reason, customer(), now);
    }

    /**
     * No payment call got an answer (timeouts, dropped connections, unexpected errors): the provider may have paid, so
     * the refund is neither FAILED nor told as such; it waits for a status lookup. No event.
     */
    public void outcomeUnknown(String reason, int attemptsMade, Instant now) {
        requirePending("record an unknown outcome");
        status = RefundStatus.OUTCOME_UNKNOWN;
        failureReason = reason;
        attempts = Math.max(attempts, attemptsMade);
        updatedAt = now;
    }

    /**
     * The provider paid a refund recorded FAILED (a late success, found by a lookup): it becomes ISSUED, and the
     * customer, told it failed, is now told it was paid. The earlier reason is kept in {@code failureReason}.
     */
    public RefundIssued issueAfterFailure(String reference, Instant now) {
        if (status != RefundStatus.FAILED) {
            throw new RefundNotPendingException(id, status, "reconcile a late success (only a FAILED refund can)");
        }
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("refund " + id + ": an issued refund needs the provider's reference");
        }
        status = RefundStatus.ISSUED;
        providerReference = reference;
        failureReason = "paid after it was recorded FAILED (" + failureReason + ")";
        updatedAt = now;
        return new RefundIssued(id, returnId, orderId, money(), reference, customer(), now, restockingFeeMoney());
    }

    /** A provider call failed and will be retried: the refund stays PENDING and counts the call. */
    public void attemptFailed(int attemptsMade, Instant now) {
        requirePending("record a failed attempt");
        attempts = Math.max(attempts, attemptsMade);
        updatedAt = now;
    }

    private void requireUnsettled(String action) {
        if (status != RefundStatus.PENDING && status != RefundStatus.OUTCOME_UNKNOWN) {
            throw new RefundNotPendingException(id, status, action);
        }
    }

    private void requirePending(String action) {
        if (status != RefundStatus.PENDING) {
            throw new RefundNotPendingException(id, status, action);
        }
    }
}
