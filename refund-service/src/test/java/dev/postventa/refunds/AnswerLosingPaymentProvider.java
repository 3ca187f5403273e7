package dev.postventa.refunds;

import dev.postventa.refunds.payments.PaymentProvider;
import dev.postventa.refunds.payments.ProviderRefund;
import dev.postventa.refunds.payments.RefundOrder;
import dev.postventa.refunds.payments.ConfiguredPaymentProvider;
import dev.postventa.refunds.payments.PaymentStatus;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.io.UncheckedIOException;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The configured provider (the simulated one unless a test profile says otherwise), except that for order ids starting with {@value #LOST_PREFIX} the first call of a key pays
 * and then loses its answer (the connection drops on the way back), as a crash between paying and recording would;
 * {@value #BROKEN_PREFIX} calls throw an unexpected exception (an adapter bug) and pay nothing;
 * {@value #NO_REFERENCE_PREFIX} calls pay and answer without a reference. Status lookups go to the configured provider.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class AnswerLosingPaymentProvider implements PaymentProvider {

    static final String LOST_PREFIX = "LOST-";
    /** Every call throws an unexpected exception before anything is sent: nothing is paid. */
    static final String BROKEN_PREFIX = "BROKEN-";
    /** Every call pays (once per key) and then answers without a reference. */
    static final String NO_REFERENCE_PREFIX = "NOREF-";

    private final PaymentProvider configured;
    private final Set<String> answersLost = ConcurrentHashMap.newKeySet();

    AnswerLosingPaymentProvider(ConfiguredPaymentProvider configured) {
        this.configured = configured;
    }

    @Override
    public Uni<PaymentStatus> status(String idempotencyKey) {
        return configured.status(idempotencyKey);
    }

    @Override
    public Uni<ProviderRefund> refund(RefundOrder order) {
        if (order.orderId().startsWith(BROKEN_PREFIX)) {
            throw new IllegalStateException("adapter bug (test)");
        }
        Uni<ProviderRefund> call = configured.refund(order);
        if (order.orderId().startsWith(NO_REFERENCE_PREFIX)) {
            return call.map(paid -> new ProviderRefund(null));
        }
        if (!order.orderId().startsWith(LOST_PREFIX)) {
            return call;
        }
        return call.map(paid -> {
            if (answersLost.add(order.idempotencyKey())) {
                throw new UncheckedIOException(new SocketException("connection reset after the provider paid (test)"));
            }
            return paid;
        });
    }
}
