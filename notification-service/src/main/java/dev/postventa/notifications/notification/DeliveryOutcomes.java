package dev.postventa.notifications.notification;

import dev.postventa.events.DomainEvent;
import dev.postventa.support.effect.Attempt;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * What every delivery channel (email, SMS) records about an attempt of a notification's effect (key = notification
 * id): each attempt as a {@link NotificationAttempt}, and the notification's own transition, row-locked, decides the
 * rest ({@code SENT} announced as {@code CustomerNotified}, or {@code FAILED}). A notification settled meanwhile (by
 * hand, or by a copy of the effect) is recorded and announced nothing.
 */
@ApplicationScoped
public class DeliveryOutcomes {

    private static final Logger LOG = Logger.getLogger(DeliveryOutcomes.class);

    private final Clock clock;

    DeliveryOutcomes(Clock clock) {
        this.clock = clock;
    }

    /** The channel accepted the message ({@code detail}: e.g. the provider's id, for the log). */
    public Uni<List<DomainEvent>> sent(Attempt attempt, String detail) {
        Instant now = clock.instant();
        return locked(attempt).chain(n -> {
            if (n == null) {
                return Uni.createFrom().item(List.<DomainEvent>of());
            }
            LOG.infof("%s notification %s sent at attempt %d%s", attempt.kind(), n.id, attempt.number(),
                    detail == null ? "" : " (" + detail + ")");
            Uni<NotificationAttempt> recorded = NotificationAttempt.sent(n.id, attempt.number(), now).persist();
            if (!n.isPending()) {
                LOG.warnf("notification %s is %s already; attempt %d sent it again", n.id, n.status, attempt.number());
                return recorded.replaceWith(List.<DomainEvent>of());
            }
            DomainEvent notified = n.sent(now);
            return recorded.replaceWith(List.of(notified));
        });
    }

    /** The last attempt failed, or the channel refused the message for good: the notification is given up. */
    public Uni<List<DomainEvent>> givenUp(Attempt attempt, String reason) {
        Instant now = clock.instant();
        return locked(attempt).chain(n -> {
            if (n == null) {
                return Uni.createFrom().item(List.<DomainEvent>of());
            }
            Uni<NotificationAttempt> recorded = NotificationAttempt.failed(n.id, attempt.number(), now, reason)
                    .persist();
            if (!n.isPending()) {
                LOG.warnf("notification %s is %s already; attempt %d failed: %s", n.id, n.status, attempt.number(),
                        reason);
                return recorded.replaceWith(List.<DomainEvent>of());
            }
            LOG.errorf("%s notification %s given up at attempt %d: %s", attempt.kind(), n.id, attempt.number(),
                    reason);
            n.failed(reason, now);
            return recorded.replaceWith(List.<DomainEvent>of());
        });
    }

    /** The attempt failed and another follows: the failure is on record. */
    public Uni<Void> willRetry(Attempt attempt, String reason) {
        return NotificationAttempt.failed(notificationId(attempt), attempt.number(), clock.instant(), reason)
                .persist().replaceWithVoid();
    }

    private static Uni<Notification> locked(Attempt attempt) {
        return Notification.<Notification>findById(notificationId(attempt), LockModeType.PESSIMISTIC_WRITE)
                .invoke(n -> {
                    if (n == null) {
                        LOG.errorf("%s effect %s has no notification: nothing to record", attempt.kind(),
                                attempt.key());
                    }
                });
    }

    private static UUID notificationId(Attempt attempt) {
        return UUID.fromString(attempt.key());
    }
}
