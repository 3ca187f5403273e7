package dev.postventa.refunds.payments;

/** The provider could not answer now (timeout, 5xx, rate limit): the same call may succeed later. */
public class TransientPaymentException extends RuntimeException {

    public TransientPaymentException(String message) {
        super(message);
    }
}
