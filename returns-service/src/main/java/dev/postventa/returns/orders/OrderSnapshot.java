package dev.postventa.returns.orders;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.ReturnedLine;
import dev.postventa.events.storefront.OrderLine;
import dev.postventa.events.storefront.StorefrontOrder;
import dev.postventa.events.storefront.StorefrontOrderEvent;
import dev.postventa.returns.persistence.JsonbArrayJdbcType;
import dev.postventa.support.persistence.CustomerColumns;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.annotations.JdbcType;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * returns-service's own copy of a storefront order: what returns need to know, fed by storefront order events.
 * Events may arrive twice or out of order, so {@link #merge} keeps delivery and cancellation once seen and lets the
 * newest snapshot win for everything else; applying the same event again changes nothing.
 */
@Entity
@Table(name = "order_snapshot")
public class OrderSnapshot extends PanacheEntityBase {

    @Id
    @Column(name = "order_id")
    public String orderId;
    @Embedded
    public CustomerColumns contact;
    public String currency;
    @JdbcTypeCode(SqlTypes.JSON)
    @JdbcType(JsonbArrayJdbcType.class)
    public List<OrderLine> lines;
    @Column(name = "placed_at")
    public Instant placedAt;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
    @Column(name = "cancelled_at")
    public Instant cancelledAt;
    /**
     * Units of each line (by line id) in this order's returns that were not rejected. Kept here, under the order's row
     * lock, so that checking a new return costs the same whatever the number of earlier returns: reading them all
     * made every return of a busy order slower than the one before. Replaced, never changed in place, so that
     * Hibernate sees the change.
     */
    @JdbcTypeCode(SqlTypes.JSON)
    @JdbcType(JsonbArrayJdbcType.class)
    @Column(name = "returned_units")
    public Map<String, Integer> returnedUnits = Map.of();
    /** Time of the storefront event whose snapshot the descriptive fields come from. */
    @Column(name = "snapshot_at")
    public Instant snapshotAt;

    /** The read model of an order first seen in {@code event}. */
    public static OrderSnapshot from(StorefrontOrderEvent event) {
        OrderSnapshot snapshot = new OrderSnapshot();
        snapshot.orderId = event.order().orderId();
        snapshot.describeFrom(event);
        snapshot.lifecycleFrom(event);
        return snapshot;
    }

    /**
     * Takes in a later (or earlier, or repeated) event of this order: its description only when it is not older
     * than the one kept; its delivery or cancellation whenever none was recorded yet.
     */
    public void merge(StorefrontOrderEvent event) {
        if (!orderId.equals(event.order().orderId())) {
            throw new IllegalArgumentException("event " + event.eventId() + " is about order "
                    + event.order().orderId() + ", not " + orderId);
        }
        if (!event.occurredAt().isBefore(snapshotAt)) {
            describeFrom(event);
        }
        lifecycleFrom(event);
    }

    public Optional<OrderLine> line(String lineId) {
        return lines.stream().filter(l -> l.lineId().equals(lineId)).findFirst();
    }

    /** Units of the line already in returns that were not rejected. */
    public int returnedUnits(String lineId) {
        return returnedUnits == null ? 0 : returnedUnits.getOrDefault(lineId, 0);
    }

    /** A new return takes these units of the order's lines (call with the order row-locked). */
    public void countReturned(List<ReturnedLine> lines) {
        addReturned(lines, 1);
    }

    /** A rejected return gives its units back: they may be returned again (call with the order row-locked). */
    public void releaseReturned(List<ReturnedLine> lines) {
        addReturned(lines, -1);
    }

    private void addReturned(List<ReturnedLine> lines, int sign) {
        Map<String, Integer> units = new HashMap<>(returnedUnits == null ? Map.of() : returnedUnits);
        lines.forEach(l -> units.merge(l.lineId(), sign * l.quantity(), Integer::sum));
        units.values().removeIf(n -> n <= 0);
        returnedUnits = units;
    }

    public CustomerContact customer() {
        return contact.toContact();
    }

    private void describeFrom(StorefrontOrderEvent event) {
        StorefrontOrder order = event.order();
        contact = CustomerColumns.of(
                new CustomerContact(order.customerId(), order.email(), order.locale(), order.country()));
        currency = order.currency();
        lines = List.copyOf(order.lines());
        placedAt = order.placedAt();
        snapshotAt = event.occurredAt();
    }

    private void lifecycleFrom(StorefrontOrderEvent event) {
        StorefrontOrder order = event.order();
        Instant delivered = order.deliveredAt() != null ? order.deliveredAt()
                : StorefrontOrderEvent.ORDER_DELIVERED.equals(event.type()) ? event.occurredAt() : null;
        if (deliveredAt == null && delivered != null) {
            deliveredAt = delivered;
        }
        Instant cancelled = order.cancelledAt() != null ? order.cancelledAt()
                : StorefrontOrderEvent.ORDER_CANCELLED.equals(event.type()) ? event.occurredAt() : null;
        if (cancelledAt == null && cancelled != null) {
            cancelledAt = cancelled;
        }
    }
}
