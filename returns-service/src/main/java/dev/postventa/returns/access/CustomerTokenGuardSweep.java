package dev.postventa.returns.access;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Deletes guard rows whose window and lock have both ended: guesses at order numbers that do not exist would
 * otherwise pile up. Every time compared is this service's clock (the guard's times were set by it).
 */
@ApplicationScoped
public class CustomerTokenGuardSweep {

    private static final Logger LOG = Logger.getLogger(CustomerTokenGuardSweep.class);

    private final AccessConfig config;
    private final Clock clock;

    CustomerTokenGuardSweep(AccessConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "customer-token-guard-sweep")
    Uni<Void> sweep() {
        var now = clock.instant();
        return Panache.withTransaction(() -> CustomerTokenGuard.delete(
                        "windowStartedAt < ?1 and (lockedUntil is null or lockedUntil < ?2)",
                        now.minus(config.failureWindow()), now))
                .invoke(deleted -> LOG.debugf("%d ended customer-token guards deleted", deleted))
                .onFailure().invoke(e -> LOG.warnf("customer-token guard sweep failed (next sweep retries): %s", e))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
