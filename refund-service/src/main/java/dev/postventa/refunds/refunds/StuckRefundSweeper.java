package dev.postventa.refunds.refunds;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Drives refunds left PENDING by a crash or an outage, so that no received return waits forever. */
@ApplicationScoped
public class StuckRefundSweeper {

    private final RefundService refunds;

    StuckRefundSweeper(RefundService refunds) {
        this.refunds = refunds;
    }

    @Scheduled(every = "${postventa.refunds.sweep-interval}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return refunds.driveStuck();
    }
}
