package dev.postventa.support.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Handles an event at most once per consumer: the claim in {@code inbox_message} and the side effect share one
 * transaction, so a redelivered event (the relay is at-least-once) finds its claim and does nothing.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);
    private static final String CLAIM = """
            INSERT INTO inbox_message (consumer, event_id, event_type) VALUES (:consumer, :eventId, :eventType)
            ON CONFLICT DO NOTHING""";

    private final String consumer;
    private final InboxDecisions decisions;
    private final int maxRetries;
    private final MeterRegistry metrics;

    IdempotentConsumer(@ConfigProperty(name = "postventa.service-name") String consumer, InboxConfig config,
                       MeterRegistry metrics) {
        this.consumer = consumer;
        this.decisions = new InboxDecisions(config);
        this.maxRetries = config == null ? 0 : config.maxRetries();
        this.metrics = metrics;
    }

    /**
     * Runs {@code effect} in a transaction unless this consumer already handled {@code eventId}. While the database
     * or broker is unreachable the attempt is retried without bound, with growing waits (the record, and so its
     * partition, waits for the outage to end: nothing is dead-lettered, nothing overtakes it); other failures are
     * retried a few times, and then the returned Uni fails (and the channel's failure strategy dead-letters the
     * message); an undecodable event fails at once.
     */
    public Uni<Void> handleOnce(String eventId, String eventType, Supplier<Uni<Void>> effect) {
        Uni<Void> attempt = Panache.withTransaction(() -> claim(eventId, eventType).chain(claim -> {
            if (claim == InboxDecisions.Claim.DUPLICATE) {
                LOG.infof("event %s (%s) already handled by %s: skipped", eventId, eventType, consumer);
                metrics.counter("postventa.events.duplicate", "consumer", consumer, "type", eventType).increment();
                return Uni.createFrom().voidItem();
            }
            return effect.get();
        }));
        return Uni.createFrom().deferred(() -> decisions.withRetries(attempt, onCurrentContext(),
                        (kind, failedAttempt, failure, wait) -> retrying(eventId, eventType, kind, failedAttempt,
                                failure, wait)))
                .onFailure().invoke(failure -> LOG.errorf(failure,
                        "event %s (%s) failed in %s after retries; it goes to the dead-letter topic",
                        eventId, eventType, consumer));
    }

    private void retrying(String eventId, String eventType, InboxDecisions.FailureKind kind, int failedAttempt,
                          Throwable failure, Duration wait) {
        String why = kind == InboxDecisions.FailureKind.INFRASTRUCTURE
                ? "infrastructure unavailable, retried until it is back"
                : "retried at most " + maxRetries + " times";
        LOG.warnf("event %s (%s) in %s: attempt %d failed (%s: %s); %s, next attempt in %s", eventId, eventType,
                consumer, failedAttempt, failure.getClass().getName(), failure.getMessage(), why, wait);
        metrics.counter("postventa.inbox.retries", "consumer", consumer).increment();
    }

    /** Each retry resumes on the consumer's Vert.x context, where Hibernate Reactive keeps its session. */
    private static Executor onCurrentContext() {
        Context context = Vertx.currentContext();
        return context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
    }

    private Uni<InboxDecisions.Claim> claim(String eventId, String eventType) {
        return Panache.getSession().chain(session -> session.createNativeQuery(CLAIM)
                .setParameter("consumer", consumer)
                .setParameter("eventId", eventId)
                .setParameter("eventType", eventType)
                .executeUpdate()
                .map(InboxDecisions::claimed));
    }
}
