package dev.postventa.notifications.notifications;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Retries messages that could not be delivered yet (SMTP outage, crash), until they get through or give up. */
@ApplicationScoped
public class PendingNotificationSweeper {

    private final NotificationService notifications;

    PendingNotificationSweeper(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Scheduled(every = "${postventa.notifications.sweep-interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return notifications.retryPending();
    }
}
