package dev.postventa.notifications.merchant;

import dev.postventa.events.DomainEvent;
import dev.postventa.support.effect.Attempt;
import dev.postventa.support.effect.EffectHandler;
import dev.postventa.support.failure.Causes;
import io.micrometer.core.instrument.MeterRegistry;
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
 * Delivers one merchant webhook for the shared effect worker (kind {@value #KIND}, key = delivery id): retried with
 * the worker's backoff on 5xx, 408, 429 and network errors, given up at once on any other refusal; never two attempts
 * at once (the worker's lease). Counted in {@code postventa_merchant_webhooks_total{outcome}}.
 */
@ApplicationScoped
public class MerchantWebhookEffect implements EffectHandler<MerchantWebhookEffect.Answer> {

    public static final String KIND = "merchant-webhook";

    private static final Logger LOG = Logger.getLogger(MerchantWebhookEffect.class);

    /** What an attempt did: the endpoint's 2xx status, or nothing sent (the delivery was cancelled meanwhile). */
    public record Answer(Integer httpStatus) {
        boolean sent() {
            return httpStatus != null;
        }
    }

    private final MerchantWebhookSender sender;
    private final Clock clock;
    private final MeterRegistry metrics;

    MerchantWebhookEffect(MerchantWebhookSender sender, Clock clock, MeterRegistry metrics) {
        this.sender = sender;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Uni<Answer> perform(Attempt attempt) {
        UUID id = UUID.fromString(attempt.key());
        return Panache.withSession(() -> MerchantWebhookDelivery.<MerchantWebhookDelivery>findById(id)
                        .chain(d -> d == null || d.status != MerchantWebhookDelivery.Status.PENDING
                                ? Uni.createFrom().<MerchantWebhookSender.Call>nullItem()
                                : MerchantWebhookSubscription.<MerchantWebhookSubscription>findById(d.subscriptionId)
                                        .map(s -> new MerchantWebhookSender.Call(s.url, s.secret, d.webhookId, d.body))))
                .chain(call -> call == null
                        ? Uni.createFrom().item(new Answer(null))
                        : sender.send(call).map(Answer::new));
    }

    @Override
    public Uni<List<DomainEvent>> succeeded(Attempt attempt, Answer answer) {
        Instant now = clock.instant();
        return locked(attempt).map(d -> {
            if (!answer.sent()) {
                LOG.infof("merchant webhook delivery %s not sent: it is %s", attempt.key(), d == null ? "gone" : d.status);
                return List.of();
            }
            count("delivered");
            LOG.infof("merchant webhook delivery %s delivered at attempt %d (HTTP %d)", attempt.key(),
                    attempt.number(), answer.httpStatus());
            if (d != null) {
                d.delivered(attempt.number(), answer.httpStatus(), now);
            }
            return List.of();
        });
    }

    @Override
    public Uni<List<DomainEvent>> failed(Attempt attempt, String reason) {
        Instant now = clock.instant();
        return locked(attempt).map(d -> {
            count("failed");
            LOG.warnf("merchant webhook delivery %s failed for good at attempt %d: %s", attempt.key(),
                    attempt.number(), reason);
            if (d != null) {
                d.failed(attempt.number(), reason, now);
            }
            return List.of();
        });
    }

    @Override
    public Uni<Void> willRetry(Attempt attempt, String reason, Instant nextAttemptAt) {
        Instant now = clock.instant();
        return locked(attempt).invoke(d -> {
            count("retried");
            if (d != null) {
                d.willRetry(attempt.number(), reason, nextAttemptAt, now);
            }
        }).replaceWithVoid();
    }

    @Override
    public boolean isPermanent(Throwable failure) {
        return Causes.any(failure, WebhookRefusedException.class::isInstance);
    }

    private void count(String outcome) {
        metrics.counter("postventa.merchant.webhooks", "outcome", outcome).increment();
    }

    private static Uni<MerchantWebhookDelivery> locked(Attempt attempt) {
        return MerchantWebhookDelivery.findById(UUID.fromString(attempt.key()), LockModeType.PESSIMISTIC_WRITE);
    }
}
