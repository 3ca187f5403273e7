package dev.postventa.returns.feedback;

import dev.postventa.events.returns.FeedbackRequested;
import dev.postventa.returns.request.ReturnRequest;
import dev.postventa.support.outbox.OutboxWriter;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * Schedules one survey per return when it is first settled (refund or store credit), and sends the due ones: a sweep
 * every {@code postventa.survey.sweep-every} locks due rows with {@code FOR UPDATE SKIP LOCKED}, writes
 * {@code FeedbackRequested} to the outbox and marks each row in the same transaction, so two replicas (or two runs)
 * never send one survey twice.
 */
@ApplicationScoped
public class Surveys {

    private static final Logger LOG = Logger.getLogger(Surveys.class);

    // Unknown returns insert nothing (the SELECT is empty); a second settlement conflicts and inserts nothing.
    private static final String SCHEDULE = """
            INSERT INTO feedback_survey (return_id, triggered_by, scheduled_at, due_at)
            SELECT id, :trigger, :now, :due FROM return_request WHERE id = :returnId
            ON CONFLICT (return_id) DO NOTHING""";
    private static final String DUE = """
            SELECT return_id FROM feedback_survey
            WHERE requested_at IS NULL AND due_at <= :now
            ORDER BY due_at LIMIT :batch
            FOR UPDATE SKIP LOCKED""";
    private static final String MARK = """
            UPDATE feedback_survey SET requested_at = :now, expires_at = :expiresAt WHERE return_id = :returnId""";

    private final SurveyConfig config;
    private final SurveyLinks links;
    private final OutboxWriter outbox;
    private final Clock clock;
    private volatile boolean failing;
    private volatile boolean stopping;

    Surveys(SurveyConfig config, SurveyLinks links, OutboxWriter outbox, Clock clock) {
        this.config = config;
        this.links = links;
        this.outbox = outbox;
        this.clock = clock;
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true; // a sweep during shutdown would only find the database pool closed
    }

    /**
     * Inside the inbox transaction of the settling event: the return's survey is due {@code delay} after now (our
     * receipt of the event, not the partner's issue time). Only the first settlement of a return schedules one.
     */
    public Uni<Void> schedule(UUID returnId, String trigger) {
        if (!links.sending()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = clock.instant();
        return Panache.getSession().chain(session -> session.createNativeQuery(SCHEDULE)
                        .setParameter("trigger", trigger)
                        .setParameter("now", utc(now))
                        .setParameter("due", utc(now.plus(config.delay())))
                        .setParameter("returnId", returnId)
                        .executeUpdate())
                .invoke(rows -> {
                    if (rows == 1) {
                        LOG.infof("return %s: satisfaction survey scheduled for %s (%s)", returnId,
                                now.plus(config.delay()), trigger);
                    } else {
                        LOG.infof("return %s: %s schedules no survey (already scheduled, or unknown return)",
                                returnId, trigger);
                    }
                })
                .replaceWithVoid();
    }

    @Scheduled(identity = "feedback-surveys", every = "${postventa.survey.sweep-every}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        if (!links.sending() || stopping) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().deferred(this::sendDue)
                .invoke(sent -> failing = false)
                .onFailure().invoke(failure -> {
                    if (!failing) { // said once per outage, not every sweep
                        failing = true;
                        LOG.warnf("could not send due satisfaction surveys (%s); retried every sweep", failure);
                    }
                })
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** One pass: the surveys sent (at most {@code batch-size}), in one transaction. Safe on any replica. */
    public Uni<Integer> sendDue() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery(DUE, UUID.class)
                .setParameter("now", utc(now))
                .setParameter("batch", config.batchSize())
                .getResultList()
                .chain(ids -> {
                    Uni<Integer> chain = Uni.createFrom().item(0);
                    for (UUID id : ids) {
                        chain = chain.chain(sent -> send(session, id, now).map(one -> sent + one));
                    }
                    return chain;
                })));
    }

    private Uni<Integer> send(Mutiny.Session session, UUID returnId, Instant now) {
        // Whole seconds: the token carries its expiry in epoch seconds, and the event must say the same instant.
        Instant expiresAt = now.plus(config.validity()).truncatedTo(ChronoUnit.SECONDS);
        return ReturnRequest.<ReturnRequest>findById(returnId).chain(request -> {
            FeedbackRequested event = new FeedbackRequested(request.id, request.orderId, request.rmaNumber,
                    request.customer(), links.url(request.id, expiresAt), expiresAt, now);
            return session.createNativeQuery(MARK)
                    .setParameter("now", utc(now))
                    .setParameter("expiresAt", utc(expiresAt))
                    .setParameter("returnId", returnId)
                    .executeUpdate()
                    .chain(() -> outbox.publish(event))
                    .invoke(() -> LOG.infof("return %s: satisfaction survey sent (valid until %s)", returnId,
                            expiresAt))
                    .replaceWith(1);
        });
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
