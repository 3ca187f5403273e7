package dev.postventa.refunds.payments;

import dev.postventa.refunds.RefundsConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A simulation of a payment provider that moves no money: configurable latency and random failure rates, idempotency
 * keys remembered in memory (forgotten on restart), and deterministic rules by order id for demos and tests:
 * {@code FAIL-…} is refused for good, {@code FLAKY-…} fails transiently on the first two calls of a key and then
 * succeeds, {@code DOWN-…} fails transiently on every call. It counts calls and payments per key, as a provider's
 * dashboard would, so that tests can prove that no key was paid twice.
 */
@ApplicationScoped
@Typed(SimulatedPaymentProvider.class)
public class SimulatedPaymentProvider implements PaymentProvider {

    static final String REFUSED_PREFIX = "FAIL-";
    static final String FLAKY_PREFIX = "FLAKY-";
    static final String DOWN_PREFIX = "DOWN-";
    static final int FLAKY_FAILURES = 2;

    private final RefundsConfig.Simulated config;
    private final Map<String, ProviderRefund> accepted = new ConcurrentHashMap<>();
    private final Map<String, String> refusals = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> payments = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();

    SimulatedPaymentProvider(RefundsConfig config) {
        this.config = config.simulated();
    }

    @Override
    public Uni<ProviderRefund> refund(RefundOrder order) {
        Uni<Void> call = Uni.createFrom().voidItem();
        if (!config.latency().isZero() && !config.latency().isNegative()) {
            call = call.onItem().delayIt().by(config.latency());
        }
        // Failures take as long as answers: a timeout of the caller must be able to hit both.
        return call.map(ignored -> answer(order));
    }

    /** Paid, refused, or no record: what the simulation remembers of the key (forgotten on restart). */
    @Override
    public Uni<PaymentStatus> status(String idempotencyKey) {
        lookups.computeIfAbsent(idempotencyKey, key -> new AtomicInteger()).incrementAndGet();
        ProviderRefund known = accepted.get(idempotencyKey);
        if (known != null) {
            return Uni.createFrom().item(PaymentStatus.paid(known.reference()));
        }
        String refusal = refusals.get(idempotencyKey);
        return Uni.createFrom().item(refusal != null ? PaymentStatus.refused(refusal) : PaymentStatus.noRecord());
    }

    /** Status lookups made for {@code idempotencyKey}. */
    public int lookupsFor(String idempotencyKey) {
        AtomicInteger count = lookups.get(idempotencyKey);
        return count == null ? 0 : count.get();
    }

    /** Calls made with {@code idempotencyKey} so far, answered or not (what a provider's request log shows). */
    public int callsFor(String idempotencyKey) {
        AtomicInteger count = calls.get(idempotencyKey);
        return count == null ? 0 : count.get();
    }

    /** Money movements made for {@code idempotencyKey}: 0 or 1, whatever the number of calls. */
    public int paymentsFor(String idempotencyKey) {
        AtomicInteger count = payments.get(idempotencyKey);
        return count == null ? 0 : count.get();
    }

    private ProviderRefund answer(RefundOrder order) {
        int call = calls.computeIfAbsent(order.idempotencyKey(), key -> new AtomicInteger()).incrementAndGet();
        ProviderRefund known = accepted.get(order.idempotencyKey());
        if (known != null) {
            return known;
        }
        String refusal = refusals.get(order.idempotencyKey());
        if (refusal != null) {
            throw new PaymentRefusedException(refusal);
        }
        String orderId = order.orderId();
        if (orderId.startsWith(REFUSED_PREFIX)) {
            throw refuse(order, "card account closed (simulated)");
        }
        if (orderId.startsWith(DOWN_PREFIX) || orderId.startsWith(FLAKY_PREFIX) && call <= FLAKY_FAILURES) {
            throw new TransientPaymentException("provider timeout (simulated, call " + call + ")");
        }
        double roll = ThreadLocalRandom.current().nextDouble();
        if (roll < config.permanentFailureRate()) {
            throw refuse(order, "refund refused (simulated)");
        }
        if (roll < config.permanentFailureRate() + config.transientFailureRate()) {
            throw new TransientPaymentException("provider unavailable (simulated)");
        }
        return accepted.computeIfAbsent(order.idempotencyKey(), key -> {
            payments.computeIfAbsent(key, ignored -> new AtomicInteger()).incrementAndGet();
            return new ProviderRefund("sim_re_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16));
        });
    }

    // A real provider answers a refused idempotency key with the same refusal; a retry must not turn it into a payment.
    private PaymentRefusedException refuse(RefundOrder order, String reason) {
        return new PaymentRefusedException(refusals.computeIfAbsent(order.idempotencyKey(), key -> reason));
    }
}
