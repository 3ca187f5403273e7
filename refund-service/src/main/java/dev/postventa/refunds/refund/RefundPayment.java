package dev.postventa.refunds.refund;

import dev.postventa.events.DomainEvent;
import dev.postventa.refunds.payments.PaymentProvider;
import dev.postventa.refunds.payments.PaymentRefusedException;
import dev.postventa.refunds.payments.ProviderRefund;
import dev.postventa.refunds.payments.RefundOrder;
import dev.postventa.support.effect.Attempt;
import dev.postventa.support.effect.EffectHandler;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Pays a PENDING refund through the payment provider, as the effect {@value #KIND} keyed by the refund id (the
 * provider's idempotency key, so no retry pays twice), and tells the refund how it went: ISSUED with
 * {@code RefundIssued}, or FAILED with {@code RefundFailed} when the provider refuses or the attempts run out.
 */
@ApplicationScoped
public class RefundPayment implements EffectHandler<ProviderRefund> {

    public static final String KIND = "refund-payment";
    private static final Logger LOG = Logger.getLogger(RefundPayment.class);

    private final PaymentProvider provider;
    private final Clock clock;

    RefundPayment(PaymentProvider provider, Clock clock) {
        this.provider = provider;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Uni<ProviderRefund> perform(Attempt attempt) {
        RefundOrder stored = attempt.payload(RefundOrder.class);
        if (!attempt.key().equals(stored.idempotencyKey())) {
            return Uni.createFrom().failure(new IllegalStateException("effect " + attempt.key()
                    + " carries the order of refund " + stored.idempotencyKey()));
        }
        // Orders scheduled by the V2 migration carry the column's scale (150.0000): the provider sees 150.00.
        return provider.refund(new RefundOrder(stored.idempotencyKey(), stored.orderId(), stored.amount().normalized()));
    }

    @Override
    public boolean isPermanent(Throwable failure) {
        return failure instanceof PaymentRefusedException;
    }

    @Override
    public Uni<List<DomainEvent>> succeeded(Attempt attempt, ProviderRefund answer) {
        return settle(attempt, "issued as " + answer.reference(),
                refund -> refund.issue(answer.reference(), attempt.number(), clock.instant()));
    }

    /** {@code reason} is the provider's refusal, or "gave up after N attempts: …" when the attempts ran out. */
    @Override
    public Uni<List<DomainEvent>> failed(Attempt attempt, String reason) {
        return settle(attempt, "failed (" + reason + ")",
                refund -> refund.fail(reason, attempt.number(), clock.instant()));
    }

    @Override
    public Uni<Void> willRetry(Attempt attempt, String reason, Instant nextAttemptAt) {
        return locked(attempt).invoke(refund -> {
            if (refund.isPending()) {
                refund.attemptFailed(attempt.number(), clock.instant());
            } else {
                LOG.warnf("refund %s is already %s: failed attempt %d (%s) is not counted", refund.id, refund.status,
                        attempt.number(), reason);
            }
        }).replaceWithVoid();
    }

    /** Applies an outcome to a still PENDING refund; one that already has its outcome keeps it, and that is logged. */
    private Uni<List<DomainEvent>> settle(Attempt attempt, String outcome, Function<Refund, DomainEvent> transition) {
        return locked(attempt).map(refund -> {
            if (!refund.isPending()) {
                LOG.warnf("refund %s is already %s: attempt %d, %s, changes nothing", refund.id, refund.status,
                        attempt.number(), outcome);
                return List.<DomainEvent>of();
            }
            return List.of(transition.apply(refund));
        });
    }

    private static Uni<Refund> locked(Attempt attempt) {
        UUID id = UUID.fromString(attempt.key());
        return Refund.<Refund>findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> new IllegalStateException("refund " + id + " of effect "
                        + attempt.kind() + " does not exist"));
    }
}
