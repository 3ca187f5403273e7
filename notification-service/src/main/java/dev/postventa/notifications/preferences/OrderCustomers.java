package dev.postventa.notifications.preferences;

import dev.postventa.events.CustomerContact;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Which customer each order belongs to, learned from the events that name both (the return's order comes from
 * {@code return_order}): a customer's token opens one order, and the preferences it reads and writes are that order's
 * customer's. The first event to tell wins.
 */
@ApplicationScoped
public class OrderCustomers {

    /** In the caller's transaction; nothing when the return's order is not known yet or the contact names nobody. */
    public Uni<Void> remember(UUID returnId, CustomerContact customer) {
        String key = PreferenceKeys.of(customer);
        if (returnId == null || key == null) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        INSERT INTO order_customer (order_id, customer_key)
                        SELECT order_id, CAST(:key AS varchar) FROM return_order WHERE return_id = :returnId
                        ON CONFLICT (order_id) DO NOTHING""")
                .setParameter("key", key)
                .setParameter("returnId", returnId)
                .executeUpdate()).replaceWithVoid();
    }

    /** The order's customer key, or null when no event has told it yet. */
    public Uni<String> customerOf(String orderId) {
        return Panache.withSession(() -> OrderCustomer.<OrderCustomer>findById(orderId)
                .map(row -> row == null ? null : row.customerKey));
    }
}
