package dev.postventa.refunds.refunds;

import dev.postventa.events.Money;
import dev.postventa.events.refunds.RefundFailed;
import dev.postventa.events.refunds.RefundIssued;
import dev.postventa.events.returns.ReturnReceived;
import dev.postventa.refunds.RefundsConfig;
import dev.postventa.refunds.payments.PaymentProvider;
import dev.postventa.refunds.payments.PaymentRefusedException;
import dev.postventa.refunds.payments.TransientPaymentException;
import dev.postventa.support.outbox.OutboxWriter;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Refunds received returns exactly once: a PENDING refund is stored with the inbox claim, the provider is called
 * outside any transaction with the refund id as idempotency key, and the outcome and its event are stored together.
 * A crash in between leaves a PENDING refund that the sweeper drives again with the same key.
 */
@ApplicationScoped
public class RefundService {

    private static final Logger LOG = Logger.getLogger(RefundService.class);
    private static final String INSERT_PENDING = """
            INSERT INTO refund (id, return_id, order_id, amount, currency, status, attempts, customer_id, email, locale,
                                country, created_at, updated_at)
            VALUES (:id, :returnId, :orderId, :amount, :currency, 'PENDING', 0, :customerId, :email, :locale,
                    :country, :now, :now)
            ON CONFLICT (return_id) DO NOTHING""";

    private final PaymentProvider provider;
    private final OutboxWriter outbox;
    private final RefundsConfig config;
    private final Clock clock = Clock.systemUTC();

    RefundService(PaymentProvider provider, OutboxWriter outbox, RefundsConfig config) {
        this.provider = provider;
        this.outbox = outbox;
        this.config = config;
    }

    /** Stores the refund owed for a received return, once per return; must run inside the inbox's transaction. */
    public Uni<Void> owe(ReturnReceived received) {
        Optional<Money> amount = RefundAmounts.of(received.lines());
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        Money money = amount.orElse(Money.zero(received.lines().isEmpty() ? "USD"
                : received.lines().get(0).unitPrice().currency()));
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT_PENDING)
                        .setParameter("id", id)
                        .setParameter("returnId", received.returnId())
                        .setParameter("orderId", received.orderId())
                        .setParameter("amount", money.amount())
                        .setParameter("currency", money.currency())
                        .setParameter("customerId", received.customer().customerId())
                        .setParameter("email", received.customer().email())
                        .setParameter("locale", received.customer().locale())
                        .setParameter("country", received.customer().country())
                        .setParameter("now", now)
                        .executeUpdate())
                .chain(inserted -> {
                    if (inserted == 0) {
                        LOG.infof("return %s already has a refund", received.returnId());
                        return Uni.createFrom().voidItem();
                    }
                    if (amount.isEmpty()) {
                        return Refund.<Refund>findById(id).chain(refund ->
                                fail(refund, "lines of return " + received.returnId() + " mix currencies"));
                    }
                    return Uni.createFrom().voidItem();
                });
    }

    /** Pays back the PENDING refund of a return, if there is one. */
    public Uni<Void> drive(UUID returnId) {
        return Panache.withSession(() -> Refund.<Refund>find("returnId = ?1 and status = ?2", returnId,
                        RefundStatus.PENDING).firstResult())
                .chain(refund -> refund == null ? Uni.createFrom().voidItem() : pay(refund));
    }

    public Uni<Void> leftForSweeper(UUID returnId, Throwable failure) {
        LOG.errorf(failure, "paying the refund of return %s failed; the sweeper will pay it", returnId);
        return Uni.createFrom().voidItem();
    }

    /** Drives every refund left PENDING for longer than the configured age. */
    public Uni<Void> driveStuck() {
        Instant before = clock.instant().minus(config.stuckAfter());
        return Panache.withSession(() -> Refund.<Refund>list("status = ?1 and updatedAt < ?2", RefundStatus.PENDING,
                        before))
                .chain(stuck -> {
                    Uni<Void> all = Uni.createFrom().voidItem();
                    for (Refund refund : stuck) {
                        LOG.infof("driving stuck refund %s of return %s again", refund.id, refund.returnId);
                        all = all.chain(() -> pay(refund));
                    }
                    return all;
                });
    }

    public Uni<List<RefundView>> forReturn(UUID returnId) {
        return Panache.withSession(() -> Refund.<Refund>list("returnId", returnId))
                .map(refunds -> refunds.stream().map(RefundView::of).toList());
    }

    public Uni<RefundView> find(UUID id) {
        return Panache.withSession(() -> Refund.<Refund>findById(id)).map(r -> r == null ? null : RefundView.of(r));
    }

    private Uni<Void> pay(Refund pending) {
        AtomicInteger attempts = new AtomicInteger(pending.attempts);
        return Uni.createFrom().deferred(() -> {
                    attempts.incrementAndGet();
                    return provider.refund(pending.id.toString(), pending.orderId, pending.money());
                })
                .onFailure(TransientPaymentException.class)
                .retry().withBackOff(config.initialBackoff(), config.maxBackoff())
                .atMost(Math.max(0, config.maxAttempts() - 1))
                .onItemOrFailure().transformToUni((reference, failure) -> Panache.withTransaction(() ->
                        Refund.<Refund>findById(pending.id, LockModeType.PESSIMISTIC_WRITE).chain(refund -> {
                            // Locked: the sweeper and the consumer may have paid the same refund; only one records it.
                            if (refund.status != RefundStatus.PENDING) {
                                return Uni.createFrom().voidItem();
                            }
                            refund.attempts = attempts.get();
                            if (failure == null) {
                                return issue(refund, reference);
                            }
                            if (failure instanceof TransientPaymentException || failure instanceof PaymentRefusedException) {
                                return fail(refund, failure.getMessage());
                            }
                            // Anything else (provider unreachable in an unexpected way): stay PENDING for the sweeper.
                            LOG.errorf(failure, "refund %s: unexpected provider failure, left PENDING", refund.id);
                            refund.updatedAt = clock.instant();
                            return Uni.createFrom().voidItem();
                        })));
    }

    private Uni<Void> issue(Refund refund, String reference) {
        Instant now = clock.instant();
        refund.status = RefundStatus.ISSUED;
        refund.providerReference = reference;
        refund.updatedAt = now;
        return outbox.publish(new RefundIssued(refund.id, refund.returnId, refund.orderId, refund.money(), reference,
                refund.customer(), now));
    }

    private Uni<Void> fail(Refund refund, String reason) {
        Instant now = clock.instant();
        refund.status = RefundStatus.FAILED;
        refund.failureReason = reason;
        refund.updatedAt = now;
        return outbox.publish(new RefundFailed(refund.id, refund.returnId, refund.orderId, refund.money(), reason,
                refund.customer(), now));
    }
}
