package dev.postventa.refunds.refund;

import dev.postventa.events.Money;
import java.time.Instant;
import java.util.UUID;

/** A refund as the customer's "where is my refund?" answer shows it. */
public record RefundView(UUID id, UUID returnId, String orderId, RefundStatus status, Money amount,
                         String providerReference, String failureReason, int attempts, Instant createdAt,
                         Instant updatedAt) {

    static RefundView of(Refund r) {
        return new RefundView(r.id, r.returnId, r.orderId, r.status, r.money(), r.providerReference, r.failureReason,
                r.attempts, r.createdAt, r.updatedAt);
    }
}
