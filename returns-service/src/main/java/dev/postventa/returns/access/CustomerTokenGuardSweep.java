package dev.postventa.returns.access;

import dev.postventa.support.retention.BatchedDelete;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Deletes guard rows whose window and lock have both ended: guesses at order numbers that do not exist would
 * otherwise pile up. Every time compared is this service's clock (the guard's times were set by it).
 */
@ApplicationScoped
public class CustomerTokenGuardSweep {

    private static final Logger LOG = Logger.getLogger(CustomerTokenGuardSweep.class);
    private static final String DELETE_BATCH = """
            DELETE FROM customer_token_guard WHERE ctid IN (
              SELECT ctid FROM customer_token_guard
              WHERE window_started_at < :windowEndedBefore AND (locked_until IS NULL OR locked_until < :now)
              LIMIT :batchSize)""";

    private final AccessConfig config;
    private final Clock clock;

    CustomerTokenGuardSweep(AccessConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "customer-token-guard-sweep")
    Uni<Void> sweep() {
        Instant now = clock.instant();
        return BatchedDelete.of(DELETE_BATCH, Map.of("windowEndedBefore", now.minus(config.failureWindow()),
                "now", now), 1000).sweep(LOG, "ended customer-token guards");
    }
}
