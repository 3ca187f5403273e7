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
        // Loaded as an entity, not by a native SELECT: Hibernate keeps a plan per native select under a key that
        // never equals the next one, so each call would add a cache entry and slow every later lookup.
        return Panache.withSession(() -> ReturnOrder.<ReturnOrder>findById(returnId)
                .map(row -> row == null ? null : row.orderId));
    }
}
