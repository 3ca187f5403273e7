package dev.postventa.support.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
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
    private final MeterRegistry metrics;

    IdempotentConsumer(@ConfigProperty(name = "postventa.service-name") String consumer, InboxConfig config,
                       MeterRegistry metrics) {
        this.consumer = consumer;
        this.decisions = new InboxDecisions(config);
        this.metrics = metrics;
    }

    /**
     * Runs {@code effect} in a transaction unless this consumer already handled {@code eventId}. Transient
     * failures are retried with backoff; when retries are exhausted the returned Uni fails (and the message is
     * dead-lettered by the channel's failure strategy).
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
        return decisions.withRetries(attempt)
                .onFailure().invoke(failure -> LOG.errorf(failure,
                        "event %s (%s) failed in %s after retries; it goes to the dead-letter topic",
                        eventId, eventType, consumer));
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
