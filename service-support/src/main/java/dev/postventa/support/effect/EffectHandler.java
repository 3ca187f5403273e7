package dev.postventa.support.effect;

import dev.postventa.events.DomainEvent;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;

/**
 * Performs one kind of effect (a carrier label, a payment, an email) for the {@link EffectWorker}, and tells the
 * owning aggregate how it went. A CDI bean per kind; the worker finds them all.
 *
 * @param <R> what the partner answers on success
 */
public interface EffectHandler<R> {

    /** The kind this handler performs, as given to {@link Effects#schedule}. */
    String kind();

    /**
     * Calls the partner. Runs outside any transaction; the worker bounds it with the call timeout. The partner must
     * treat {@link Attempt#key()} as an idempotency key: asked twice, it acts once.
     */
    Uni<R> perform(Attempt attempt);

    /** Inside the outcome transaction: applies the answer to the aggregate and returns the events to publish. */
    Uni<List<DomainEvent>> succeeded(Attempt attempt, R answer);

    /**
     * Inside the outcome transaction: the effect will never happen (the partner refused, or every attempt failed);
     * tells the aggregate and returns the events to publish.
     */
    Uni<List<DomainEvent>> failed(Attempt attempt, String reason);

    /**
     * Inside the outcome transaction: every allowed attempt failed without the partner refusing (timeouts, outages),
     * so whether the partner acted may be unknown. Returns the events to publish; by default the same as
     * {@link #failed}. A handler whose partner may have acted without answering (a payment) overrides it.
     */
    default Uni<List<DomainEvent>> exhausted(Attempt attempt, String reason) {
        return failed(attempt, reason);
    }

    /**
     * Inside the transaction that schedules the next attempt after a transient failure: lets the aggregate keep
     * a history of attempts. Nothing by default.
     */
    default Uni<Void> willRetry(Attempt attempt, String reason, Instant nextAttemptAt) {
        return Uni.createFrom().voidItem();
    }

    /** True for a failure no retry can fix (a refusal, an invalid address): the effect fails at once. */
    default boolean isPermanent(Throwable failure) {
        return false;
    }
}
