package dev.postventa.refunds.refunds;

import dev.postventa.refunds.RefundsConfig;
import dev.postventa.refunds.payments.PaymentProvider;
import dev.postventa.refunds.payments.PaymentRefusedException;
import dev.postventa.refunds.payments.ProviderRefund;
import dev.postventa.refunds.payments.RefundOrder;
import dev.postventa.refunds.payments.TransientPaymentException;
import dev.postventa.support.outbox.OutboxWriter;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Pays one PENDING refund: calls the provider with no transaction open, retrying transient failures with bounded
 * backoff under the same idempotency key, then stores the outcome (ISSUED or FAILED) and its event in one transaction.
 */
@ApplicationScoped
public class RefundPayments {

    private static final Logger LOG = Logger.getLogger(RefundPayments.class);

    private final PaymentProvider provider;
    private final OutboxWriter outbox;
    private final RefundsConfig config;
    private final Clock clock = Clock.systemUTC();

    RefundPayments(PaymentProvider provider, OutboxWriter outbox, RefundsConfig config) {
        this.provider = provider;
        this.outbox = outbox;
        this.config = config;
    }

    /** Pays {@code pending} (loaded earlier, possibly by another session) and records how it went. */
    public Uni<Void> pay(Refund pending) {
        RefundOrder order = pending.order();
        AtomicInteger attempts = new AtomicInteger(pending.attempts);
        return onCallersContext(call(order, attempts))
                .onItemOrFailure().transformToUni((paid, failure) -> record(pending.id, attempts.get(), paid, failure));
    }

    private Uni<ProviderRefund> call(RefundOrder order, AtomicInteger attempts) {
        Uni<ProviderRefund> call = Uni.createFrom().deferred(() -> {
                    attempts.incrementAndGet();
                    return provider.refund(order);
                })
                .ifNoItem().after(config.callTimeout()).failWith(() -> new TransientPaymentException(
                        "no answer from the payment provider within " + config.callTimeout()));
        if (config.maxAttempts() == 1) {
            return call;
        }
        return call.onFailure(TransientPaymentException.class)
                .invoke(failure -> LOG.warnf("refund %s: attempt %d failed (%s)", order.idempotencyKey(),
                        attempts.get(), failure.getMessage()))
                .onFailure(TransientPaymentException.class)
                .retry().withBackOff(config.initialBackoff(), config.maxBackoff()).atMost(config.maxAttempts() - 1L);
    }

    private Uni<Void> record(UUID id, int attempts, ProviderRefund paid, Throwable failure) {
        return Panache.withTransaction(() -> Refund.<Refund>findById(id, LockModeType.PESSIMISTIC_WRITE).chain(refund -> {
            // The sweeper and a redelivered event may pay the same refund (same key, so paid once): one records it.
            if (refund.status != RefundStatus.PENDING) {
                return Uni.createFrom().voidItem();
            }
            Instant now = clock.instant();
            if (failure == null) {
                return outbox.publish(refund.issue(paid.reference(), attempts, now));
            }
            if (failure instanceof PaymentRefusedException) {
                return outbox.publish(refund.fail(failure.getMessage(), attempts, now));
            }
            if (failure instanceof TransientPaymentException) {
                return outbox.publish(refund.fail("payment provider unavailable after " + attempts + " attempts: "
                        + failure.getMessage(), attempts, now));
            }
            // Neither refused nor known to be transient (a bug, an unexpected answer): a human or the sweeper decides.
            LOG.errorf(failure, "refund %s: unexpected failure of the payment provider; it stays PENDING", id);
            refund.attempts = attempts;
            refund.updatedAt = now;
            return Uni.createFrom().voidItem();
        }));
    }

    /** Continues on the caller's Vert.x context after timers fired elsewhere: Panache's session must live there. */
    private static <T> Uni<T> onCallersContext(Uni<T> uni) {
        return Uni.createFrom().deferred(() -> {
            Context context = Vertx.currentContext();
            return context == null ? uni : uni.emitOn(task -> context.runOnContext(ignored -> task.run()));
        });
    }
}
