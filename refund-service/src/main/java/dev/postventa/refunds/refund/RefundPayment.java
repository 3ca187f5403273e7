package dev.postventa.refunds.refund;

import dev.postventa.events.DomainEvent;
import dev.postventa.refunds.LogMask;
import dev.postventa.refunds.payments.PaymentProvider;
import dev.postventa.refunds.payments.PaymentRefusedException;
import dev.postventa.refunds.payments.ProviderRefund;
import dev.postventa.refunds.payments.RefundOrder;
import dev.postventa.support.effect.Attempt;
import dev.postventa.support.effect.EffectHandler;
import dev.postventa.support.effect.Effects;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Pays a PENDING refund through the payment provider, as the effect {@value #KIND} keyed by the refund id (the
 * provider's idempotency key, so no retry pays twice), and tells the refund how it went: ISSUED with
 * {@code RefundIssued}, or FAILED with {@code RefundFailed} when the provider refuses. When the attempts run out
 * without an answer the provider may have paid: the refund becomes OUTCOME_UNKNOWN (no event, nobody is told it
 * failed) and a status lookup ({@link RefundStatusCheck}, same key) decides.
 */
@ApplicationScoped
public class RefundPayment implements EffectHandler<ProviderRefund> {

    public static final String KIND = "refund-payment";
    private static final Logger LOG = Logger.getLogger(RefundPayment.class);

    private final PaymentProvider provider;
    private final Effects effects;
    private final Clock clock;
    private final MeterRegistry metrics;

    RefundPayment(PaymentProvider provider, Effects effects, Clock clock, MeterRegistry metrics) {
        this.provider = provider;
        this.effects = effects;
        this.clock = clock;
        this.metrics = metrics;
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
        return provider.refund(new RefundOrder(stored.idempotencyKey(), stored.orderId(), stored.amount().normalized()))
                .map(RefundPayment::checked);
    }

    /**
     * An answer without a reference cannot be stored as ISSUED: failing here makes it an attempt that failed (retried,
     * then an unknown outcome settled by lookup) instead of an outcome that can never be recorded.
     */
    private static ProviderRefund checked(ProviderRefund answer) {
        if (answer == null || answer.reference() == null || answer.reference().isBlank()) {
            throw new IllegalStateException("the payment provider answered without a reference");
        }
        return answer;
    }

    @Override
    public boolean isPermanent(Throwable failure) {
        return failure instanceof PaymentRefusedException;
    }

    @Override
    public Uni<List<DomainEvent>> succeeded(Attempt attempt, ProviderRefund answer) {
        return locked(attempt.key(), attempt.kind()).map(refund -> settlePaid(refund, answer.reference(),
                attempt.number(), clock.instant(), metrics));
    }

    /** The provider refused the refund for good: it is FAILED and the customer is told. */
    @Override
    public Uni<List<DomainEvent>> failed(Attempt attempt, String reason) {
        return pending(attempt, "failed").chain(refund -> refund == null ? none()
                : Uni.createFrom().item(List.<DomainEvent>of(refund.fail(reason, attempt.number(), clock.instant()))));
    }

    /** Every call went unanswered: the provider may have paid, so the outcome is unknown until a lookup settles it. */
    @Override
    public Uni<List<DomainEvent>> exhausted(Attempt attempt, String reason) {
        return pending(attempt, "exhausted").chain(refund -> {
            if (refund == null) {
                return none();
            }
            String unknown = "outcome unknown: " + reason;
            refund.outcomeUnknown(unknown, attempt.number(), clock.instant());
            metrics.counter("postventa.refunds.outcome.unknown", "stage", "payment").increment();
            LOG.errorf("refund %s: %s; the provider may have paid, its status is looked up under the same key",
                    refund.id, unknown);
            return effects.schedule(RefundStatusCheck.KIND, refund.id.toString(), null)
                    .replaceWith(List.<DomainEvent>of());
        });
    }

    /** The locked refund if it still waits for its payment; null (logged) when an outcome is already recorded. */
    private Uni<Refund> pending(Attempt attempt, String outcome) {
        return locked(attempt.key(), attempt.kind()).map(refund -> {
            if (!refund.isPending()) {
                LOG.warnf("refund %s is already %s: attempt %d, %s, changes nothing", refund.id, refund.status,
                        attempt.number(), outcome);
                return null;
            }
            return refund;
        });
    }

    private static Uni<List<DomainEvent>> none() {
        return Uni.createFrom().item(List.<DomainEvent>of());
    }

    @Override
    public Uni<Void> willRetry(Attempt attempt, String reason, Instant nextAttemptAt) {
        return locked(attempt.key(), attempt.kind()).invoke(refund -> {
            if (refund.isPending()) {
                refund.attemptFailed(attempt.number(), clock.instant());
            } else {
                LOG.warnf("refund %s is already %s: failed attempt %d (%s) is not counted", refund.id, refund.status,
                        attempt.number(), reason);
            }
        }).replaceWithVoid();
    }

    /**
     * The provider paid: an unsettled refund becomes ISSUED; a FAILED one is a late success, reconciled to ISSUED
     * (the customer told it failed is told it was paid) with an ERROR log and a metric; an ISSUED one keeps its outcome.
     */
    static List<DomainEvent> settlePaid(Refund refund, String reference, int attemptsMade, Instant now,
                                        MeterRegistry metrics) {
        if (refund.isPending() || refund.isOutcomeUnknown()) {
            return List.of(refund.issue(reference, attemptsMade, now));
        }
        if (refund.status == RefundStatus.FAILED) {
            metrics.counter("postventa.refunds.late.success").increment();
            LOG.errorf("refund %s was recorded FAILED (%s) but the provider paid it as %s: it is ISSUED now and the "
                    + "customer is told", refund.id, refund.failureReason, LogMask.reference(reference));
            return List.of(refund.issueAfterFailure(reference, now));
        }
        LOG.warnf("refund %s is already %s: paid again as %s changes nothing", refund.id, refund.status,
                LogMask.reference(reference));
        return List.of();
    }

    static Uni<Refund> locked(String key, String kind) {
        UUID id = UUID.fromString(key);
        return Refund.<Refund>findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> new IllegalStateException("refund " + id + " of effect "
                        + kind + " does not exist"));
    }
}
