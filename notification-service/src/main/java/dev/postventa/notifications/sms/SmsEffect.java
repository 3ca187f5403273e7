package dev.postventa.notifications.sms;

import dev.postventa.events.DomainEvent;
import dev.postventa.notifications.notification.Notification;
import dev.postventa.notifications.notification.NotificationAttempt;
import dev.postventa.support.effect.Attempt;
import dev.postventa.support.effect.EffectHandler;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Delivers a stored {@code sms} notification through the {@link SmsSender} for the shared effect worker (kind
 * {@value #KIND}, key = notification id): retried with the worker's backoff on 5xx, 408/429 and timeouts, given up at
 * once when the provider refuses it (4xx). Twilio takes no idempotency key, so SMS are at-least-once: an answer lost
 * after Twilio accepted the message sends it again on the next attempt.
 */
@ApplicationScoped
public class SmsEffect implements EffectHandler<String> {

    public static final String KIND = "sms";
    private static final Logger LOG = Logger.getLogger(SmsEffect.class);

    private final SmsSender sender;
    private final Clock clock;

    SmsEffect(SmsSender sender, Clock clock) {
        this.sender = sender;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Uni<String> perform(Attempt attempt) {
        UUID id = UUID.fromString(attempt.key());
        return Panache.withSession(() -> Notification.<Notification>findById(id))
                .chain(n -> n == null
                        ? Uni.createFrom().<String>failure(new SmsRefusedException("notification " + id + " does not exist"))
                        : sender.send(n.recipient, n.body));
    }

    @Override
    public Uni<List<DomainEvent>> succeeded(Attempt attempt, String providerId) {
        Instant now = clock.instant();
        return locked(attempt).chain(n -> {
            if (n == null) {
                return Uni.createFrom().item(List.<DomainEvent>of());
            }
            LOG.infof("sms notification %s accepted by the provider as %s (attempt %d)", n.id, providerId,
                    attempt.number());
            Uni<NotificationAttempt> recorded = NotificationAttempt.sent(n.id, attempt.number(), now).persist();
            if (!n.isPending()) {
                return recorded.replaceWith(List.<DomainEvent>of());
            }
            DomainEvent notified = n.sent(now);
            return recorded.replaceWith(List.of(notified));
        });
    }

    @Override
    public Uni<List<DomainEvent>> failed(Attempt attempt, String reason) {
        Instant now = clock.instant();
        return locked(attempt).chain(n -> {
            if (n == null) {
                return Uni.createFrom().item(List.<DomainEvent>of());
            }
            Uni<NotificationAttempt> recorded = NotificationAttempt.failed(n.id, attempt.number(), now, reason)
                    .persist();
            if (n.isPending()) {
                LOG.errorf("sms notification %s given up at attempt %d: %s", n.id, attempt.number(), reason);
                n.failed(reason, now);
            }
            return recorded.replaceWith(List.<DomainEvent>of());
        });
    }

    @Override
    public Uni<Void> willRetry(Attempt attempt, String reason, Instant nextAttemptAt) {
        return NotificationAttempt.failed(UUID.fromString(attempt.key()), attempt.number(), clock.instant(), reason)
                .persist().replaceWithVoid();
    }

    @Override
    public boolean isPermanent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SmsRefusedException) {
                return true;
            }
        }
        return false;
    }

    private static Uni<Notification> locked(Attempt attempt) {
        return Notification.findById(UUID.fromString(attempt.key()), LockModeType.PESSIMISTIC_WRITE);
    }
}
