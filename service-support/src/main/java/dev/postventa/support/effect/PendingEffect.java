package dev.postventa.support.effect;

import dev.postventa.events.EventJson;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One call to a partner owed by a committed business change, and where it stands. Its state machine: PENDING (due,
 * or leased to an attempt) → DONE or FAILED, each reached once.
 */
@Entity
@Table(name = "pending_effect")
public class PendingEffect extends PanacheEntityBase {

    /** Where an effect stands. */
    public enum Status { PENDING, DONE, FAILED }

    @Id
    public UUID id;
    public String kind;
    /** The business key, also the partner's idempotency key: one effect per (kind, key). */
    @Column(name = "effect_key")
    public String key;
    /** What the handler needs to call the partner, as JSON text (null when the key says it all); never queried. */
    public String payload;
    @Enumerated(EnumType.STRING)
    public Status status;
    /** Attempts started so far, i.e. the number of the latest one. */
    public int attempts;
    @Column(name = "due_at")
    public Instant dueAt;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;

    static PendingEffect due(String kind, String key, Object payload, Instant now) {
        PendingEffect effect = new PendingEffect();
        effect.id = UUID.randomUUID();
        effect.kind = kind;
        effect.key = key;
        effect.payload = payload == null ? null : EventJson.toJson(payload);
        effect.status = Status.PENDING;
        effect.attempts = 0;
        effect.dueAt = now;
        effect.createdAt = now;
        effect.updatedAt = now;
        return effect;
    }

    /** Starts the next attempt and leases the effect to it until {@code now + lease}. */
    Attempt start(Instant now, Duration lease) {
        requirePending("start an attempt");
        attempts++;
        dueAt = now.plus(lease);
        updatedAt = now;
        return new Attempt(id, kind, key, payload, attempts);
    }

    /** True when {@code attempt} is the latest attempt of a still PENDING effect: only it may record an outcome. */
    boolean isCurrent(Attempt attempt) {
        return status == Status.PENDING && attempts == attempt.number();
    }

    void done(Instant now) {
        requirePending("complete it");
        status = Status.DONE;
        lastError = null;
        finishedAt = now;
        updatedAt = now;
    }

    void failed(String reason, Instant now) {
        requirePending("give it up");
        status = Status.FAILED;
        lastError = reason;
        finishedAt = now;
        updatedAt = now;
    }

    void retryAt(Instant due, String error, Instant now) {
        requirePending("schedule a retry");
        dueAt = due;
        lastError = error;
        updatedAt = now;
    }

    private void requirePending(String action) {
        if (status != Status.PENDING) {
            throw new IllegalStateException("effect " + kind + "/" + key + " is " + status + ": cannot " + action);
        }
    }
}
