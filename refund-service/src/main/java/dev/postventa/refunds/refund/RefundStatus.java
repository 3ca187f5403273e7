package dev.postventa.refunds.refund;

/** Where a refund is: waiting for the provider, paid back, or refused for good. */
public enum RefundStatus {
    PENDING,
    ISSUED,
    FAILED
}
