package dev.postventa.returns.orders;

import dev.postventa.events.EventJson;
import dev.postventa.events.storefront.OrderLine;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import dev.postventa.support.persistence.CustomerColumns;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** returns-service's own copy of a storefront order: what returns need to know, fed by storefront order events. */
@Entity
@Table(name = "order_snapshot")
public class OrderSnapshot extends PanacheEntityBase {

    @Id
    @Column(name = "order_id")
    public String orderId;
    @Embedded
    public CustomerColumns contact;
    public String currency;
    @Column(name = "lines_json")
    public String linesJson;
    @Column(name = "placed_at")
    public Instant placedAt;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
    @Column(name = "cancelled_at")
    public Instant cancelledAt;
    /** Time of the storefront event whose snapshot the descriptive fields come from. */
    @Column(name = "snapshot_at")
    public Instant snapshotAt;

    public List<OrderLine> lines() {
        return EventJson.listFromJson(linesJson, OrderLine.class);
    }

    public void lines(List<OrderLine> lines) {
        linesJson = EventJson.toJson(lines);
    }

    public Optional<OrderLine> line(String lineId) {
        return lines().stream().filter(l -> l.lineId().equals(lineId)).findFirst();
    }
}
