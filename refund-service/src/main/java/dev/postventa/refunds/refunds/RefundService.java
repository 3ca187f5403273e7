package dev.postventa.refunds.refunds;

import dev.postventa.events.Money;
import dev.postventa.events.returns.ReturnReceived;
import dev.postventa.refunds.RefundsConfig;
import dev.postventa.support.outbox.OutboxWriter;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Refunds received returns exactly once: {@link #owe} stores a PENDING refund with the inbox claim, {@link #drive}
 * pays it outside any transaction, and {@link #driveStuck} pays again what a crash or an outage left PENDING.
 */
@ApplicationScoped
public class RefundService {

    private static final Logger LOG = Logger.getLogger(RefundService.class);
    // The unique return_id makes a redelivered ReturnReceived, or a second one with another event id, a no-op.
    private static final String INSERT_PENDING = """
            INSERT INTO refund (id, return_id, order_id, amount, currency, status, attempts, customer_id, email, locale,
                                country, created_at, updated_at)
            VALUES (:id, :returnId, :orderId, :amount, :currency, 'PENDING', 0, :customerId, :email, :locale,
                    :country, :now, :now)
            ON CONFLICT (return_id) DO NOTHING""";
    // Bounds one sweep; the next sweep takes the rest.
    private static final int SWEEP_BATCH = 50;

    private final RefundPayments payments;
    private final OutboxWriter outbox;
    private final RefundsConfig config;
    private final Clock clock = Clock.systemUTC();

    RefundService(RefundPayments payments, OutboxWriter outbox, RefundsConfig config) {
        this.payments = payments;
        this.outbox = outbox;
        this.config = config;
    }

    /**
     * Stores the refund owed for a received return, once per return; runs inside the inbox's transaction. Lines in
     * mixed currencies have no single amount to pay: the refund is stored FAILED at once, with a zero amount in the
     * first line's currency.
     */
    public Uni<Void> owe(ReturnReceived received) {
        Optional<Money> amount = RefundAmounts.of(received.lines());
        List<String> currencies = RefundAmounts.currencies(received.lines());
        Money owed = amount.orElseGet(() -> Money.zero(currencies.get(0)));
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT_PENDING)
                        .setParameter("id", id)
                        .setParameter("returnId", received.returnId())
                        .setParameter("orderId", received.orderId())
                        .setParameter("amount", owed.amount())
                        .setParameter("currency", owed.currency())
                        .setParameter("customerId", received.customer().customerId())
                        .setParameter("email", received.customer().email())
                        .setParameter("locale", received.customer().locale())
                        .setParameter("country", received.customer().country())
                        .setParameter("now", now)
                        .executeUpdate())
                .chain(inserted -> {
                    if (inserted == 0) {
                        LOG.infof("return %s already has a refund: nothing more is owed", received.returnId());
                        return Uni.createFrom().voidItem();
                    }
                    if (amount.isPresent()) {
                        return Uni.createFrom().voidItem();
                    }
                    String reason = "the received lines mix currencies " + String.join(", ", currencies);
                    return Refund.<Refund>findById(id).chain(refund -> outbox.publish(refund.fail(reason, 0, now)));
                });
    }

    /** Pays back the PENDING refund of a return, if it has one. */
    public Uni<Void> drive(UUID returnId) {
        return Panache.withSession(() -> Refund.<Refund>find("returnId = ?1 and status = ?2", returnId,
                        RefundStatus.PENDING).firstResult())
                .chain(refund -> refund == null ? Uni.createFrom().voidItem() : payments.pay(refund));
    }

    /** Pays back, one after the other, refunds left PENDING for longer than the configured age. */
    public Uni<Void> driveStuck() {
        Instant before = clock.instant().minus(config.stuckAfter());
        return Panache.withSession(() -> Refund.<Refund>find("status = ?1 and updatedAt < ?2", Sort.by("updatedAt"),
                        RefundStatus.PENDING, before).page(0, SWEEP_BATCH).list())
                .chain(stuck -> {
                    Uni<Void> all = Uni.createFrom().voidItem();
                    for (Refund refund : stuck) {
                        all = all.chain(() -> {
                            LOG.infof("refund %s of return %s is stuck in PENDING since %s: paying it again",
                                    refund.id, refund.returnId, refund.updatedAt);
                            // One refund failing again must not keep the sweep from the others.
                            return payments.pay(refund).onFailure().recoverWithUni(failure ->
                                    leftPending(refund.returnId, failure));
                        });
                    }
                    return all;
                });
    }

    /** Logs that paying failed before its outcome was stored; the refund stays PENDING and the sweeper retries. */
    public Uni<Void> leftPending(UUID returnId, Throwable failure) {
        LOG.errorf(failure, "paying the refund of return %s failed before its outcome was stored; it stays PENDING "
                + "and is paid again after %s", returnId, config.stuckAfter());
        return Uni.createFrom().voidItem();
    }

    public Uni<List<RefundView>> forReturn(UUID returnId) {
        return Panache.withSession(() -> Refund.<Refund>list("returnId", returnId))
                .map(refunds -> refunds.stream().map(RefundView::of).toList());
    }

    public Uni<RefundView> find(UUID id) {
        return Panache.withSession(() -> Refund.<Refund>findById(id)).map(r -> r == null ? null : RefundView.of(r));
    }
}
