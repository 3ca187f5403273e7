package dev.postventa.returns.request;

import dev.postventa.returns.policy.ReturnsConfig;
import dev.postventa.support.retention.BatchedDelete;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Forgets {@code Idempotency-Key}s of {@code POST /returns} older than {@code postventa.returns.idempotency-retention}
 * (7 days), in batches, every {@code postventa.returns.idempotency-retention-sweep-every}. Both times are ours:
 * {@code created_at} is written with the service's clock and the cutoff is that clock's now minus the retention.
 * A retry after that is a new request; the over-return rule still bounds what it can return.
 */
@ApplicationScoped
public class IdempotencyRetention {

    private static final Logger LOG = Logger.getLogger(IdempotencyRetention.class);
    // Oldest first, through the created_at index (V5): a sweep never scans the whole table.
    private static final String DELETE_BATCH = """
            DELETE FROM idempotency_record WHERE idempotency_key IN (
              SELECT idempotency_key FROM idempotency_record
              WHERE created_at < :cutoff ORDER BY created_at LIMIT :batchSize)""";

    private final ReturnsConfig config;
    private final Clock clock;

    IdempotencyRetention(ReturnsConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "idempotency-retention", every = "${postventa.returns.idempotency-retention-sweep-every}",
            delayed = "${postventa.returns.idempotency-retention-sweep-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return BatchedDelete.of(DELETE_BATCH, Map.of("cutoff", clock.instant().minus(config.idempotencyRetention())),
                        config.idempotencyRetentionBatchSize())
                .sweep(LOG, "Idempotency-Keys older than " + config.idempotencyRetention());
    }
}
