package dev.postventa.refunds.refund;

/**
 * Where a refund is: waiting for the provider, paid back, refused for good (or known unpaid after every attempt), or
 * with an outcome nobody knows yet because the provider never answered (it may have paid: never told as a failure).
 */
public enum RefundStatus {
    PENDING,
    /** Every payment call went unanswered (or ended unexpectedly): the provider may have paid. Asked again by lookup. */
    OUTCOME_UNKNOWN,
    ISSUED,
    FAILED
}
