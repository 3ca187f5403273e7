package dev.postventa.refunds.refund;

import dev.postventa.events.returns.ReturnResolved;
import dev.postventa.support.effect.Effects;
import dev.postventa.support.outbox.OutboxWriter;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Owes a refund for every resolved return with an amount to refund, once per return: stores it PENDING and schedules its payment (performed
 * by {@link RefundPayment} after the commit), in the inbox's transaction. Also answers "where is my refund?".
 */
@ApplicationScoped
public class RefundService {

    private static final Logger LOG = Logger.getLogger(RefundService.class);
    // The unique return_id makes a redelivered ReturnResolved, or a second one with another event id, a no-op, and
    // two of them handled at the same time insert one row (the other waits for the first and then inserts nothing).
    private static final String INSERT_IF_ABSENT = """
            INSERT INTO refund (id, return_id, order_id, amount, currency, restocking_fee, status, attempts, failure_reason,
                                customer_id, email, locale, country, created_at, updated_at)
            VALUES (:id, :returnId, :orderId, :amount, :currency, :restockingFee, :status, :attempts, :failureReason,
                    :customerId, :email, :locale, :country, :createdAt, :updatedAt)
            ON CONFLICT (return_id) DO NOTHING""";

    private final OutboxWriter outbox;
    private final Effects effects;
    private final Clock clock;

    RefundService(OutboxWriter outbox, Effects effects, Clock clock) {
        this.outbox = outbox;
        this.effects = effects;
        this.clock = clock;
    }

    /**
     * Stores the refund owed for a resolved return (its {@code refundAmount}, which the caller checked is positive) unless the return already has one, publishes what its creation
     * raised (a refund that cannot be paid fails at once) and schedules the payment of a PENDING one, keyed by the
     * refund id. Must run inside the inbox's transaction.
     */
    public Uni<Void> owe(ReturnResolved resolved) {
        Refund.Owed owed = Refund.owedFor(UUID.randomUUID(), resolved, clock.instant());
        Refund refund = owed.refund();
        return insertIfAbsent(refund).chain(inserted -> {
            if (!inserted) {
                LOG.infof("return %s already has a refund: nothing more is owed", resolved.returnId());
                return Uni.createFrom().voidItem();
            }
            Uni<Void> published = outbox.publishAll(owed.events());
            if (!owed.payable()) {
                LOG.warnf("refund %s of return %s failed at once: %s", refund.id, refund.returnId, refund.failureReason);
                return published;
            }
            return published.chain(() -> effects.schedule(RefundPayment.KIND, refund.id.toString(), refund.order()))
                    .replaceWithVoid();
        });
    }

    public Uni<List<RefundView>> forReturn(UUID returnId) {
        return Panache.withSession(() -> Refund.<Refund>list("returnId", returnId))
                .map(refunds -> refunds.stream().map(RefundView::of).toList());
    }

    public Uni<RefundView> find(UUID id) {
        return Panache.withSession(() -> Refund.<Refund>findById(id)).map(r -> r == null ? null : RefundView.of(r));
    }

    private static Uni<Boolean> insertIfAbsent(Refund refund) {
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT_IF_ABSENT)
                        .setParameter("id", refund.id)
                        .setParameter("returnId", refund.returnId)
                        .setParameter("orderId", refund.orderId)
                        .setParameter("amount", refund.amount)
                        .setParameter("currency", refund.currency)
                        .setParameter("restockingFee", refund.restockingFee)
                        .setParameter("status", refund.status.name())
                        .setParameter("attempts", refund.attempts)
                        .setParameter("failureReason", refund.failureReason)
                        .setParameter("customerId", refund.contact.customerId)
                        .setParameter("email", refund.contact.email)
                        .setParameter("locale", refund.contact.locale)
                        .setParameter("country", refund.contact.country)
                        .setParameter("createdAt", refund.createdAt)
                        .setParameter("updatedAt", refund.updatedAt)
                        .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
