package dev.postventa.support.effect;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

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

    /** Wakes the worker; call it once the transaction that scheduled effects has committed. */
    public void afterCommit() {
        worker.wake();
    }
}
