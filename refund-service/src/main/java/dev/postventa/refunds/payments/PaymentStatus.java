package dev.postventa.refunds.payments;

/**
 * What the provider knows about an idempotency key, as a status lookup answers it.
 *
 * @param reference the provider's refund id when {@link State#PAID}
 * @param reason the provider's refusal when {@link State#REFUSED}
 */
public record PaymentStatus(State state, String reference, String reason) {

    /** Where the provider says the refund is. */
    public enum State {
        /** Paid back: {@code reference} is the provider's id of the refund. */
        PAID,
        /** Refused for good: {@code reason} says why. */
        REFUSED,
        /** The provider has no refund under this key: nothing was paid, nothing is in flight. */
        NO_RECORD
    }

    public static PaymentStatus paid(String reference) {
        return new PaymentStatus(State.PAID, reference, null);
    }

    public static PaymentStatus refused(String reason) {
        return new PaymentStatus(State.REFUSED, null, reason);
    }

    public static PaymentStatus noRecord() {
        return new PaymentStatus(State.NO_RECORD, null, null);
    }
}
