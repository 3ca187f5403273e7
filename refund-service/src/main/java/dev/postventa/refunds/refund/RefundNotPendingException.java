package dev.postventa.refunds.refund;

import java.util.UUID;

/** A transition asked of a refund that has already reached its outcome (ISSUED or FAILED). */
public class RefundNotPendingException extends IllegalStateException {

    private final RefundStatus status;

    public RefundNotPendingException(UUID refundId, RefundStatus status, String action) {
        super("refund " + refundId + " is " + status + ": cannot " + action);
        this.status = status;
    }

    public RefundStatus status() {
        return status;
    }
}
