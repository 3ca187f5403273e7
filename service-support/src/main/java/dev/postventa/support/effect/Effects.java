package dev.postventa.support.effect;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Schedules effects inside the business transaction: the owed call is stored with its key, so it survives a crash
 * and is made once per key however often the transaction that owes it is retried.
 */
@ApplicationScoped
public class Effects {

    private static final String INSERT = """
            INSERT INTO pending_effect (id, kind, effect_key, payload, status, attempts, due_at, created_at, updated_at)
            VALUES (:id, :kind, :key, CAST(:payload AS text), 'PENDING', 0, :now, :now, :now)
            ON CONFLICT (kind, effect_key) DO NOTHING""";

    private static final String RETRY_FAILED = """
            UPDATE pending_effect
            SET status = 'PENDING', attempts = 0, due_at = :now, finished_at = NULL, updated_at = :now
            WHERE kind = :kind AND effect_key = :key AND status = 'FAILED' AND finished_at <= :failedBefore""";

    private final Clock clock;
    private final EffectWorker worker;

    Effects(Clock clock, EffectWorker worker) {
        this.clock = clock;
        this.worker = worker;
    }

    /**
     * Owes the effect {@code kind} for {@code key}; must run inside {@code Panache.withTransaction}. Scheduling a
     * key again is a no-op (false). The worker performs it after the commit: {@link #afterCommit()} wakes it at once.
     */
    public Uni<Boolean> schedule(String kind, String key, Object payload) {
        PendingEffect effect = PendingEffect.due(kind, key, payload, clock.instant());
        return Panache.currentTransaction()
                .onItem().ifNull().failWith(() -> new IllegalStateException(
                        "Effects.schedule must run inside Panache.withTransaction"))
                .chain(tx -> Panache.getSession())
                .chain(session -> session.createNativeQuery(INSERT)
                        .setParameter("id", effect.id)
                        .setParameter("kind", kind)
                        .setParameter("key", key)
                        .setParameter("payload", effect.payload)
                        .setParameter("now", effect.createdAt)
                        .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /**
     * Owes a FAILED effect again, from its first attempt (the same key, so the partner sees the same request), when
     * it failed at or before {@code failedBefore}; must run inside {@code Panache.withTransaction}. One statement that
     * only matches a FAILED row: two callers at once re-arm it once (the second finds it PENDING), and an effect that
     * is pending, running or done is left alone. True when re-armed; {@link #afterCommit()} wakes the worker.
     */
    public Uni<Boolean> retryFailed(String kind, String key, Instant failedBefore) {
        return Panache.currentTransaction()
                .onItem().ifNull().failWith(() -> new IllegalStateException(
                        "Effects.retryFailed must run inside Panache.withTransaction"))
                .chain(tx -> Panache.getSession())
                .chain(session -> session.createNativeQuery(RETRY_FAILED)
                        .setParameter("kind", kind)
                        .setParameter("key", key)
                        .setParameter("failedBefore", failedBefore.atOffset(ZoneOffset.UTC))
                        .setParameter("now", clock.instant().atOffset(ZoneOffset.UTC))
                        .executeUpdate())
                .map(updated -> updated == 1);
    }

    /** Wakes the worker; call it once the transaction that scheduled effects has committed. */
    public void afterCommit() {
        worker.wake();
    }
}
