package dev.postventa.refunds.payments;

import io.smallrye.mutiny.Uni;

/** The payment-provider port: pays money back to the customer's original payment method. */
public interface PaymentProvider {

    /**
     * Refunds {@code order.amount()}. A repeated call with the same {@link RefundOrder#idempotencyKey()} never pays
     * twice and answers with the first call's reference. Fails with {@link TransientPaymentException} when the same
     * call may succeed later and with {@link PaymentRefusedException} when it never will.
     */
    Uni<ProviderRefund> refund(RefundOrder order);
}
