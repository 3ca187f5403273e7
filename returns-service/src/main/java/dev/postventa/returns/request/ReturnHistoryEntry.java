package dev.postventa.returns.request;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One step of a return's journey with its time, shown to the customer as the return's history. */
@Entity
@Table(name = "return_history")
public class ReturnHistoryEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "return_id")
    public UUID returnId;
    @Enumerated(EnumType.STRING)
    public ReturnStatus status;
    public String detail;
    public Instant at;

    public static ReturnHistoryEntry of(UUID returnId, ReturnStatus status, String detail, Instant at) {
        ReturnHistoryEntry entry = new ReturnHistoryEntry();
        entry.returnId = returnId;
        entry.status = status;
        entry.detail = detail;
        entry.at = at;
        return entry;
    }

    public static Uni<List<ReturnHistoryEntry>> forReturn(UUID returnId) {
        return list("returnId = ?1 order by at, id", returnId);
    }
}
