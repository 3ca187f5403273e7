package dev.postventa.refunds.refund;

import dev.postventa.events.DomainEvent;
import dev.postventa.refunds.payments.PaymentProvider;
import dev.postventa.refunds.payments.PaymentStatus;
import dev.postventa.support.effect.Attempt;
import dev.postventa.support.effect.EffectHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Asks the provider what became of a refund whose payment calls all went unanswered, as the effect {@value #KIND}
 * keyed by the refund id (the idempotency key); it pays nothing. Paid: ISSUED with {@code RefundIssued} (also for a
 * refund recorded FAILED by an earlier version: a late success is reconciled). Refused: FAILED with
 * {@code RefundFailed}. No record: nothing was paid, FAILED with {@code RefundFailed}. No answer after every lookup:
 * the refund stays OUTCOME_UNKNOWN for operations (ERROR log, metric), and nobody is told it failed.
 */
@ApplicationScoped
public class RefundStatusCheck implements EffectHandler<PaymentStatus> {

    public static final String KIND = "refund-status";
    private static final Logger LOG = Logger.getLogger(RefundStatusCheck.class);
    private static final String LOOKUP = "; status lookup ";

    private final PaymentProvider provider;
    private final Clock clock;
    private final MeterRegistry metrics;

    RefundStatusCheck(PaymentProvider provider, Clock clock, MeterRegistry metrics) {
        this.provider = provider;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Uni<PaymentStatus> perform(Attempt attempt) {
        return provider.status(attempt.key()).map(status -> {
            if (status == null || status.state() == null) {
                throw new IllegalStateException("the payment provider's lookup answered nothing");
            }
            if (status.state() == PaymentStatus.State.PAID
                    && (status.reference() == null || status.reference().isBlank())) {
                throw new IllegalStateException("the payment provider's lookup says paid without a reference");
            }
            return status;
        });
    }

    @Override
    public Uni<List<DomainEvent>> succeeded(Attempt attempt, PaymentStatus status) {
        return RefundPayment.locked(attempt.key(), attempt.kind()).map(refund -> {
            if (status.state() == PaymentStatus.State.PAID) {
                return RefundPayment.settlePaid(refund, status.reference(), refund.attempts, clock.instant(), metrics);
            }
            if (!refund.isOutcomeUnknown() && !refund.isPending()) {
                LOG.infof("refund %s is %s; the provider's lookup (%s) changes nothing", refund.id, refund.status,
                        status.state());
                return List.<DomainEvent>of();
            }
            String reason = status.state() == PaymentStatus.State.REFUSED ? status.reason()
                    : refund.failureReason + "; the provider has no record of it, nothing was paid";
            LOG.warnf("refund %s: the provider's lookup says %s, the refund fails", refund.id, status.state());
            return List.<DomainEvent>of(refund.fail(reason, refund.attempts, clock.instant()));
        });
    }

    /** Every lookup went unanswered: the outcome stays unknown, visible to operations. */
    @Override
    public Uni<List<DomainEvent>> failed(Attempt attempt, String reason) {
        return RefundPayment.locked(attempt.key(), attempt.kind()).map(refund -> {
            if (refund.isOutcomeUnknown()) {
                // Each round of lookups replaces the last one's words: rounds repeat (UnknownOutcomeRechecks).
                String said = refund.failureReason == null ? "" : refund.failureReason;
                int lastRound = said.indexOf(LOOKUP);
                refund.failureReason = (lastRound < 0 ? said : said.substring(0, lastRound)) + LOOKUP + reason;
                refund.updatedAt = clock.instant();
                metrics.counter("postventa.refunds.outcome.unknown", "stage", "lookup").increment();
                LOG.errorf("refund %s: outcome still unknown, status lookup %s; operations must ask the provider "
                        + "about idempotency key %s", refund.id, reason, refund.id);
            }
            return List.<DomainEvent>of();
        });
    }
}
