package dev.postventa.notifications.sms;

import dev.postventa.events.DomainEvent;
import dev.postventa.notifications.notification.DeliveryOutcomes;
import dev.postventa.notifications.notification.Notification;
import dev.postventa.support.effect.Attempt;
import dev.postventa.support.effect.EffectHandler;
import dev.postventa.support.failure.Causes;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Delivers a stored {@code sms} notification through the {@link SmsSender} for the shared effect worker (kind
 * {@value #KIND}, key = notification id): retried with the worker's backoff on 5xx, 408/429 and timeouts, given up at
 * once when the provider refuses it (4xx). Twilio takes no idempotency key, so SMS are at-least-once: an answer lost
 * after Twilio accepted the message sends it again on the next attempt.
 */
@ApplicationScoped
public class SmsEffect implements EffectHandler<String> {

    public static final String KIND = "sms";

    private final SmsSender sender;
    private final DeliveryOutcomes outcomes;

    SmsEffect(SmsSender sender, DeliveryOutcomes outcomes) {
        this.sender = sender;
        this.outcomes = outcomes;
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
        return outcomes.sent(attempt, "provider id " + providerId);
    }

    @Override
    public Uni<List<DomainEvent>> failed(Attempt attempt, String reason) {
        return outcomes.givenUp(attempt, reason);
    }

    @Override
    public Uni<Void> willRetry(Attempt attempt, String reason, Instant nextAttemptAt) {
        return outcomes.willRetry(attempt, reason);
    }

    @Override
    public boolean isPermanent(Throwable failure) {
        return Causes.any(failure, SmsRefusedException.class::isInstance);
    }

}
