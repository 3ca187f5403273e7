package dev.postventa.notifications.notification;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Deletes settled messages ({@code SENT}, {@code FAILED}) whose last change is older than the retention, with their
 * attempts and their finished {@code email} effects, and settled merchant webhook deliveries with theirs, a batch per transaction so that no long transaction holds locks.
 * Both times are ours: {@code updated_at} is written with the service's clock, the cutoff is the same clock's now
 * minus the retention. A message still owed ({@code PENDING}) is never deleted.
 */
@ApplicationScoped
public class NotificationRetention {

    private static final Logger LOG = Logger.getLogger(NotificationRetention.class);
    // Data-modifying CTEs see one snapshot; the foreign key of the attempts is checked at the end of the statement.
    private static final String DELETE_BATCH = """
            WITH settled AS (
                SELECT id FROM notification
                WHERE status IN ('SENT', 'FAILED') AND updated_at < :cutoff
                ORDER BY updated_at
                LIMIT :batch
                FOR UPDATE SKIP LOCKED),
            attempts AS (
                DELETE FROM notification_attempt WHERE notification_id IN (SELECT id FROM settled)),
            effects AS (
                DELETE FROM pending_effect
                WHERE kind IN ('email', 'sms') AND status <> 'PENDING' AND effect_key IN (SELECT id::text FROM settled))
            DELETE FROM notification WHERE id IN (SELECT id FROM settled)""";
    // Merchant webhook deliveries the same way: settled ones (delivered, failed for good, cancelled) with their
    // finished effects. Their (subscription, event) key outlives the inbox's claims of the same events (30 days).
    private static final String DELETE_DELIVERIES_BATCH = """
            WITH settled AS (
                SELECT id FROM merchant_webhook_delivery
                WHERE status IN ('DELIVERED', 'FAILED', 'CANCELLED') AND updated_at < :cutoff
                ORDER BY updated_at
                LIMIT :batch
                FOR UPDATE SKIP LOCKED),
            effects AS (
                DELETE FROM pending_effect
                WHERE kind = 'merchant-webhook' AND status <> 'PENDING' AND effect_key IN (SELECT id::text FROM settled))
            DELETE FROM merchant_webhook_delivery WHERE id IN (SELECT id FROM settled)""";

    private final Clock clock;
    private final Duration retention;
    private final int batchSize;
    private final int maxBatches;

    NotificationRetention(Clock clock,
                          @ConfigProperty(name = "postventa.notifications.retention.keep") Duration retention,
                          @ConfigProperty(name = "postventa.notifications.retention.batch-size") int batchSize,
                          @ConfigProperty(name = "postventa.notifications.retention.max-batches") int maxBatches) {
        this.clock = clock;
        this.retention = retention;
        this.batchSize = batchSize;
        this.maxBatches = maxBatches;
    }

    @Scheduled(identity = "notification-retention", every = "${postventa.notifications.retention.interval}",
            delayed = "${postventa.notifications.retention.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return purge().onFailure().invoke(e -> LOG.warnf("notification retention failed, the next run retries: %s", e))
                .onFailure().recoverWithItem(0).replaceWithVoid();
    }

    /**
     * Deletes batch after batch (at most {@code max-batches} per run of each kind): settled messages, then settled
     * merchant webhook deliveries; returns how many rows of both were deleted.
     */
    public Uni<Integer> purge() {
        Instant cutoff = clock.instant().minus(retention);
        return batches(DELETE_BATCH, cutoff, 0, 0).invoke(deleted -> {
            if (deleted > 0) {
                LOG.infof("deleted %d settled notifications last changed before %s", deleted, cutoff);
            }
        }).chain(messages -> batches(DELETE_DELIVERIES_BATCH, cutoff, 0, 0).invoke(deleted -> {
            if (deleted > 0) {
                LOG.infof("deleted %d settled merchant webhook deliveries last changed before %s", deleted, cutoff);
            }
        }).map(deliveries -> messages + deliveries));
    }

    private Uni<Integer> batches(String sql, Instant cutoff, int done, int total) {
        if (done >= maxBatches) {
            return Uni.createFrom().item(total);
        }
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                        .createNativeQuery(sql)
                        .setParameter("cutoff", cutoff)
                        .setParameter("batch", batchSize)
                        .executeUpdate()))
                .chain(deleted -> deleted < batchSize
                        ? Uni.createFrom().item(total + deleted)
                        : batches(sql, cutoff, done + 1, total + deleted));
    }
}
