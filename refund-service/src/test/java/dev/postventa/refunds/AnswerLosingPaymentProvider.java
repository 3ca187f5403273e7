package dev.postventa.refunds;

import dev.postventa.refunds.payments.PaymentProvider;
import dev.postventa.refunds.payments.ProviderRefund;
import dev.postventa.refunds.payments.RefundOrder;
import dev.postventa.refunds.payments.SimulatedPaymentProvider;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.io.UncheckedIOException;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated provider, except that for order ids starting with {@value #LOST_PREFIX} the first call of a key pays
 * and then loses its answer (the connection drops on the way back), as a crash between paying and recording would.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class AnswerLosingPaymentProvider implements PaymentProvider {

    static final String LOST_PREFIX = "LOST-";

    private final SimulatedPaymentProvider simulated;
    private final Set<String> answersLost = ConcurrentHashMap.newKeySet();

    AnswerLosingPaymentProvider(SimulatedPaymentProvider simulated) {
        this.simulated = simulated;
    }

    @Override
    public Uni<ProviderRefund> refund(RefundOrder order) {
        Uni<ProviderRefund> call = simulated.refund(order);
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
