package dev.postventa.returns.policy;

import dev.postventa.events.ReturnedLine;
import dev.postventa.returns.orders.OrderSnapshot;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Applies {@link ReviewRules} to a new return, counting the customer's recent returns from this service's own
 * {@code return_request} rows (by customer id, or by email for a guest; {@code V8} indexes both).
 */
@ApplicationScoped
public class ManualReviewRules {

    private final ReviewRules rules;

    ManualReviewRules(ReviewConfig config) {
        this.rules = ReviewRules.of(config);
    }

    /**
     * The rules a new return trips (empty: none). Called in the transaction that holds the order's row lock, which
     * serialises the returns of one order only: two simultaneous requests of one customer on different orders may
     * both be counted short by one and both pass. A serial returner is a pattern over weeks, so that is accepted
     * rather than locking per customer.
     */
    public Uni<List<String>> reasons(OrderSnapshot order, List<ReturnedLine> lines, Instant now) {
        if (!rules.countsRecentReturns()) {
            return Uni.createFrom().item(() -> rules.reasons(order, lines, 0));
        }
        Instant since = now.minus(rules.serialWithin());
        boolean guest = order.contact.customerId == null;
        String hql = "select r.id from ReturnRequest r where " + (guest
                ? "r.contact.customerId is null and lower(r.contact.email) = lower(:who)"
                : "r.contact.customerId = :who") + " and r.createdAt > :since";
        // At most the threshold's rows are read: a customer's thousandth return costs what their sixth did.
        Uni<List<UUID>> recent = Panache.getSession().chain(session -> session.createSelectionQuery(hql, UUID.class)
                .setParameter("who", guest ? order.contact.email : order.contact.customerId)
                .setParameter("since", since)
                .setMaxResults(rules.serialReturns())
                .getResultList());
        return recent.map(ids -> rules.reasons(order, lines, ids.size()));
    }
}
