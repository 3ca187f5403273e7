package dev.postventa.refunds.payments;

import dev.postventa.events.Money;
import dev.postventa.refunds.RefundsConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in payment provider that moves no money: configurable latency and random failure rates, idempotency keys
 * remembered in memory, and two deterministic rules for demos and tests — orders whose id starts with
 * {@code FAIL-} are refused for good, and orders starting with {@code FLAKY-} fail transiently twice, then succeed.
 */
@ApplicationScoped
public class SimulatedPaymentProvider implements PaymentProvider {

    private final RefundsConfig.Provider config;
    private final Map<String, String> references = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    SimulatedPaymentProvider(RefundsConfig config) {
        this.config = config.provider();
    }

    @Override
    public Uni<String> refund(String idempotencyKey, String orderId, Money amount) {
        return Uni.createFrom().item(() -> answer(idempotencyKey, orderId))
                .onItem().delayIt().by(config.latency());
    }

    private String answer(String idempotencyKey, String orderId) {
        String known = references.get(idempotencyKey);
        if (known != null) {
            return known;
        }
        int call = calls.computeIfAbsent(idempotencyKey, k -> new AtomicInteger()).incrementAndGet();
        if (orderId.startsWith("FAIL-")) {
            throw new PaymentRefusedException("card account closed (simulated)");
        }
        if (orderId.startsWith("FLAKY-") && call <= 2) {
            throw new TransientPaymentException("provider timeout (simulated, call " + call + ")");
        }
        double roll = ThreadLocalRandom.current().nextDouble();
        if (roll < config.permanentFailureRate()) {
            throw new PaymentRefusedException("refund refused (simulated)");
        }
        if (roll < config.permanentFailureRate() + config.transientFailureRate()) {
            throw new TransientPaymentException("provider unavailable (simulated)");
        }
        return references.computeIfAbsent(idempotencyKey, k -> "sim_re_" + UUID.randomUUID().toString().substring(0, 12));
    }
}
