package dev.postventa.refunds.refunds;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Pays refunds left PENDING by a crash between storing a refund and storing its outcome, or by an unexpected
 * provider failure, so that no received return waits forever; the idempotency key keeps them from being paid twice.
 */
@ApplicationScoped
public class StuckRefundSweeper {

    private static final Logger LOG = Logger.getLogger(StuckRefundSweeper.class);

    private final RefundService refunds;

    StuckRefundSweeper(RefundService refunds) {
        this.refunds = refunds;
    }

    @Scheduled(identity = "stuck-refund-sweeper", every = "${postventa.refunds.sweep-interval}",
            delayed = "${postventa.refunds.sweep-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        // Unavailable database or relay (start, shutdown, outage): the refunds stay PENDING for the next sweep.
        return refunds.driveStuck()
                .onFailure().invoke(failure -> LOG.warnf("a sweep for stuck refunds failed, the next one retries: %s",
                        failure.toString()))
                .onFailure().recoverWithNull();
    }
}
