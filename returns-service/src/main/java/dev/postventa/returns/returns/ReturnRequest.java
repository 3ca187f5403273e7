package dev.postventa.returns.returns;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.EventJson;
import dev.postventa.events.ReturnedLine;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import dev.postventa.support.persistence.CustomerColumns;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A customer's return: which lines, where it is in its journey, and its RMA number once approved. */
@Entity
@Table(name = "return_request")
public class ReturnRequest extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "order_id")
    public String orderId;
    @Embedded
    public CustomerColumns contact;
    @Enumerated(EnumType.STRING)
    public ReturnStatus status;
    @Column(name = "rma_number")
    public String rmaNumber;
    public String comment;
    @Column(name = "lines_json")
    public String linesJson;
    @Column(name = "tracking_number")
    public String trackingNumber;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Uni<List<ReturnRequest>> forOrder(String orderId) {
        return list("orderId = ?1 order by createdAt", orderId);
    }

    public List<ReturnedLine> lines() {
        return EventJson.listFromJson(linesJson, ReturnedLine.class);
    }

    public void lines(List<ReturnedLine> lines) {
        linesJson = EventJson.toJson(lines);
    }

    public CustomerContact customer() {
        return contact.toContact();
    }
}
