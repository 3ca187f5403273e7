package dev.postventa.refunds.payments;

/** The provider refused the refund for good (closed account, charge not refundable, ...). */
public class PaymentRefusedException extends RuntimeException {

    public PaymentRefusedException(String message) {
        super(message);
    }
}
