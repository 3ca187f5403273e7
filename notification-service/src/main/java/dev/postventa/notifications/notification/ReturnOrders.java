package dev.postventa.notifications.notification;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The order of each return, as told by return events: the label and shipment events do not carry it, yet their
 * notifications must be shown only to that order's customer. The first event to tell wins; an order never changes.
 */
@ApplicationScoped
public class ReturnOrders {

    /** In the caller's transaction (the event's inbox claim): redeliveries and later events change nothing. */
    public Uni<Void> remember(UUID returnId, String orderId) {
        if (returnId == null || orderId == null) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        INSERT INTO return_order (return_id, order_id) VALUES (:returnId, :orderId)
                        ON CONFLICT (return_id) DO NOTHING""")
                .setParameter("returnId", returnId)
                .setParameter("orderId", orderId)
                .executeUpdate()).replaceWithVoid();
    }

    /** The return's order, or null when no event has told it yet. */
    public Uni<String> orderOf(UUID returnId) {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT order_id FROM return_order WHERE return_id = :returnId", String.class)
                .setParameter("returnId", returnId)
                .getResultList()
                .map(rows -> rows.isEmpty() ? null : rows.get(0))));
    }
}
