package dev.postventa.refunds.refund;

import dev.postventa.refunds.RefundsConfig;
import dev.postventa.support.effect.Effects;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/**
 * Asks the provider again about refunds whose outcome stayed unknown. When every payment call and every status lookup
 * went unanswered (the provider was down for longer than the effect schedule lasts), the refund is OUTCOME_UNKNOWN and
 * its {@link RefundStatusCheck} effect FAILED; the customer is waiting for money that may well have been paid. Every
 * {@code recheck-every} after such a round failed, the lookup is owed again from its first attempt (same idempotency
 * key: it pays nothing), for {@code recheck-for} after the refund was owed; then only operations settle it.
 *
 * <p>All times are refund-service's clock (when it owed the refund, when its lookups failed); the provider's clock
 * decides nothing here. Re-arming is one conditional update per refund ({@link Effects#retryFailed}), so two replicas
 * sweeping at once re-arm a refund once.
 */
@ApplicationScoped
public class UnknownOutcomeRechecks {

    private static final Logger LOG = Logger.getLogger(UnknownOutcomeRechecks.class);
    private static final String DUE = """
            SELECT r.id::text FROM refund r
            JOIN pending_effect e ON e.kind = :kind AND e.effect_key = r.id::text
            WHERE r.status = 'OUTCOME_UNKNOWN' AND r.created_at >= :owedAfter
              AND e.status = 'FAILED' AND e.finished_at <= :failedBefore
            ORDER BY e.finished_at
            LIMIT :batch""";

    private final Effects effects;
    private final RefundsConfig.UnknownOutcomes config;
    private final Clock clock;

    UnknownOutcomeRechecks(Effects effects, RefundsConfig config, Clock clock) {
        this.effects = effects;
        this.config = config.unknownOutcomes();
        this.clock = clock;
    }

    @Scheduled(identity = "refund-unknown-outcome-rechecks",
            every = "${postventa.refunds.unknown-outcomes.sweep-every:1m}",
            delayed = "${postventa.refunds.unknown-outcomes.sweep-every:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return Uni.createFrom().deferred(this::recheckDue)
                .onFailure().invoke(failure -> LOG.warnf("could not re-check unknown refund outcomes (%s); "
                        + "retried next sweep", failure))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** One pass: owes the status lookup again for due refunds (at most {@code batch-size}); returns how many. */
    public Uni<Integer> recheckDue() {
        Instant now = clock.instant();
        Instant failedBefore = now.minus(config.recheckEvery());
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                        .createNativeQuery(DUE, String.class)
                        .setParameter("kind", RefundStatusCheck.KIND)
                        .setParameter("owedAfter", now.minus(config.recheckFor()).atOffset(ZoneOffset.UTC))
                        .setParameter("failedBefore", failedBefore.atOffset(ZoneOffset.UTC))
                        .setParameter("batch", config.batchSize())
                        .getResultList()
                        .chain(ids -> {
                            Uni<Integer> chain = Uni.createFrom().item(0);
                            for (String id : ids) {
                                chain = chain.chain(rearmed -> effects.retryFailed(RefundStatusCheck.KIND, id,
                                        failedBefore).invoke(again -> {
                                            if (again) {
                                                LOG.infof("refund %s: outcome still unknown, asking the provider "
                                                        + "again", id);
                                            }
                                        }).map(again -> again ? rearmed + 1 : rearmed));
                            }
                            return chain;
                        })))
                .invoke(rearmed -> {
                    if (rearmed > 0) {
                        effects.afterCommit();
                    }
                });
    }
}
