package dev.postventa.returns.request;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Remembers which return an {@code Idempotency-Key} created, and a fingerprint of the request that carried it. */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord extends PanacheEntityBase {

    @Id
    @Column(name = "idempotency_key")
    public String key;
    public String fingerprint;
    @Column(name = "return_id")
    public UUID returnId;
    @Column(name = "created_at")
    public Instant createdAt;
}
