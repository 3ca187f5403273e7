package dev.postventa.refunds.payments;

import dev.postventa.events.Money;
import io.smallrye.mutiny.Uni;

/** The payment provider port: refunds money to the customer's original payment method. */
public interface PaymentProvider {

    /**
     * Refunds {@code amount}; a repeated call with the same {@code idempotencyKey} never pays twice and answers
     * with the first call's reference. Fails with {@link TransientPaymentException} when a retry may succeed and
     * {@link PaymentRefusedException} when it never will.
     */
    Uni<String> refund(String idempotencyKey, String orderId, Money amount);
}
