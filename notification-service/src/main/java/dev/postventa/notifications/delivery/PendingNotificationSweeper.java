package dev.postventa.notifications.delivery;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Tries again the messages that are due: after an SMTP outage, a crash, or a message that was never tried. */
@ApplicationScoped
public class PendingNotificationSweeper {

    private final EmailDelivery delivery;

    PendingNotificationSweeper(EmailDelivery delivery) {
        this.delivery = delivery;
    }

    @Scheduled(every = "${postventa.notifications.sweep-interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return delivery.deliverDue().replaceWithVoid();
    }
}
