package dev.postventa.refunds.payments;

import io.smallrye.mutiny.Uni;

/** The payment-provider port: pays money back to the customer's original payment method. */
public interface PaymentProvider {

    /**
     * Refunds {@code order.amount()}. A repeated call with the same {@link RefundOrder#idempotencyKey()} never pays
     * twice and answers with the first call's reference. Fails with {@link PaymentRefusedException} when it never
     * will succeed; any other failure (a {@link TransientPaymentException}, a timeout, a dropped connection, an
     * unexpected exception) leaves the outcome unknown: the provider may have paid.
     */
    Uni<ProviderRefund> refund(RefundOrder order);

    /**
     * What the provider knows about {@code idempotencyKey}, without paying anything. Fails (transiently) when it
     * cannot tell now. An adapter without lookups fails, so an unknown outcome stays unknown.
     */
    default Uni<PaymentStatus> status(String idempotencyKey) {
        return Uni.createFrom().failure(new TransientPaymentException(
                getClass().getSimpleName() + " cannot look refunds up"));
    }
}
