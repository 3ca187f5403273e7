package dev.postventa.refunds.refund;

import dev.postventa.events.Money;
import java.time.Instant;
import java.util.UUID;

/**
 * A refund as the customer's "where is my refund?" answer shows it; {@code amount} is what is paid back, after the
 * {@code restockingFee} (zero when none).
 */
public record RefundView(UUID id, UUID returnId, String orderId, RefundStatus status, Money amount,
                         Money restockingFee,
                         String providerReference, String failureReason, int attempts, Instant createdAt,
                         Instant updatedAt) {

    static RefundView of(Refund r) {
        return new RefundView(r.id, r.returnId, r.orderId, r.status, r.money(), r.restockingFeeMoney(), r.providerReference, r.failureReason,
                r.attempts, r.createdAt, r.updatedAt);
    }
}
