package dev.postventa.support.effect;

import dev.postventa.events.DomainEvent;
import dev.postventa.support.outbox.OutboxWriter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Performs due effects: claims a batch in a short transaction (rows locked with SKIP LOCKED and leased, so no other
 * worker, here or in another replica, runs them meanwhile), calls each partner outside any transaction with a
 * timeout, then records each outcome, with the events its handler returns, in one transaction. A worker that dies
 * mid-call leaves a lease that runs out; the next attempt passes the same key, so the partner acts once.
 */
@ApplicationScoped
public class EffectWorker {

    private static final Logger LOG = Logger.getLogger(EffectWorker.class);
    // The kinds are the handlers' own constants (checked below), written into the statement once at startup.
    private static final String CLAIM = """
            SELECT * FROM pending_effect
            WHERE status = 'PENDING' AND due_at <= :now AND kind IN (%s)
            ORDER BY due_at
            LIMIT :batch
            FOR UPDATE SKIP LOCKED""";
    private static final java.util.regex.Pattern KIND = java.util.regex.Pattern.compile("[a-z][a-z0-9-]{0,62}");

    private final Map<String, EffectHandler<?>> handlers = new LinkedHashMap<>();
    private final OutboxWriter outbox;
    private final EffectsConfig config;
    private final RetrySchedule schedule;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final Vertx vertx;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wakeAgain = new AtomicBoolean();
    private final String claimStatement;
    private volatile boolean stopping;

    EffectWorker(Instance<EffectHandler<?>> handlerBeans, OutboxWriter outbox, EffectsConfig config, Clock clock,
                 MeterRegistry metrics, Vertx vertx) {
        for (EffectHandler<?> handler : handlerBeans) {
            if (!KIND.matcher(handler.kind()).matches()) {
                throw new IllegalStateException("an effect kind is lower-case letters, digits and '-': " + handler.kind());
            }
            if (handlers.putIfAbsent(handler.kind(), handler) != null) {
                throw new IllegalStateException("two effect handlers for kind " + handler.kind());
            }
        }
        this.claimStatement = CLAIM.formatted(String.join(", ",
                handlers.keySet().stream().map(kind -> "'" + kind + "'").toList()));
        this.outbox = outbox;
        this.config = config;
        this.schedule = RetrySchedule.of(config);
        this.clock = clock;
        this.metrics = metrics;
        this.vertx = vertx;
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Scheduled(identity = "effect-worker", every = "${postventa.effects.poll-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        if (handlers.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return drain();
    }

    /** Starts a round now on a fresh context, or asks the running one to look again when it ends. */
    void wake() {
        if (handlers.isEmpty() || stopping) {
            return;
        }
        wakeAgain.set(true);
        if (running.get()) {
            return;
        }
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> drain().subscribe().with(done -> { }, failure -> { }));
    }

    /** Rounds until one finds nothing due and nobody woke the worker meanwhile; one drain at a time per process. */
    private Uni<Void> drain() {
        if (stopping || !running.compareAndSet(false, true)) {
            return Uni.createFrom().voidItem();
        }
        wakeAgain.set(false);
        // Deferred: a round that throws while being assembled (e.g. no persistence unit during shutdown) must still
        // reach the recovery below and release `running`, or the worker would never run again.
        return Uni.createFrom().deferred(this::round)
                .onFailure().invoke(failure -> LOG.warnf("an effect round failed, the next one retries: %s", failure))
                .onFailure().recoverWithItem(0)
                .chain(performed -> {
                    running.set(false);
                    boolean more = performed >= config.batchSize() || wakeAgain.get();
                    return more && !stopping ? drain() : Uni.createFrom().voidItem();
                });
    }

    /** One round: claims up to a batch of due effects and performs them concurrently; returns how many. */
    Uni<Integer> round() {
        Context context = Vertx.currentContext();
        return claim().chain(attempts -> {
            if (attempts.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            List<Uni<Void>> runs = attempts.stream().map(this::perform).toList();
            return onContext(Uni.join().all(runs).andCollectFailures(), context).replaceWith(attempts.size());
        });
    }

    private Uni<List<Attempt>> claim() {
        Instant now = clock.instant();
        Duration lease = config.callTimeout().plus(config.leaseMargin());
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery(claimStatement, PendingEffect.class)
                .setParameter("now", now)
                .setParameter("batch", config.batchSize())
                .getResultList()
                .map(due -> due.stream().map(effect -> effect.start(now, lease)).toList())));
    }

    /**
     * Runs one attempt on its own duplicated context: Panache keeps one session per context, and the attempts of a
     * round run concurrently, so sharing the round's context would share (and corrupt) one session between them.
     */
    private Uni<Void> perform(Attempt attempt) {
        EffectHandler<?> handler = handlers.get(attempt.kind());
        Context own = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(own, true);
        return call(handler, attempt, own).runSubscriptionOn(task -> own.runOnContext(ignored -> task.run()));
    }

    private <R> Uni<Void> call(EffectHandler<R> handler, Attempt attempt, Context context) {
        Uni<R> answer = Uni.createFrom().deferred(() -> handler.perform(attempt))
                .ifNoItem().after(config.callTimeout()).failWith(() -> new TimeoutException(
                        "no answer from the partner within " + config.callTimeout()));
        return onContext(answer, context)
                .onItemOrFailure().transformToUni((result, failure) -> record(handler, attempt, result, failure))
                .onFailure().invoke(error -> LOG.errorf(error, "could not record attempt %d of effect %s/%s; "
                        + "it is tried again once its lease runs out", attempt.number(), attempt.kind(), attempt.key()))
                .onFailure().recoverWithNull();
    }

    private <R> Uni<Void> record(EffectHandler<R> handler, Attempt attempt, R result, Throwable failure) {
        return Panache.withTransaction(() -> PendingEffect.<PendingEffect>findById(attempt.effectId(),
                LockModeType.PESSIMISTIC_WRITE).chain(effect -> {
                    if (effect == null || !effect.isCurrent(attempt)) {
                        LOG.warnf("attempt %d of effect %s/%s ended after its lease (%s): its outcome is not recorded",
                                attempt.number(), attempt.kind(), attempt.key(), failure == null ? "succeeded" : failure);
                        return Uni.createFrom().voidItem();
                    }
                    Instant now = clock.instant();
                    if (failure == null) {
                        count(attempt, "succeeded");
                        effect.done(now);
                        return handler.succeeded(attempt, result).chain(this::publish);
                    }
                    String reason = describe(failure);
                    if (handler.isPermanent(failure)) {
                        count(attempt, "refused");
                        LOG.warnf("effect %s/%s refused at attempt %d: %s", attempt.kind(), attempt.key(),
                                attempt.number(), reason);
                        effect.failed(reason, now);
                        return handler.failed(attempt, reason).chain(this::publish);
                    }
                    if (!schedule.allowsAnotherAfter(attempt.number())) {
                        count(attempt, "exhausted");
                        String given = "gave up after " + attempt.number() + " attempts: " + reason;
                        LOG.errorf("effect %s/%s %s", attempt.kind(), attempt.key(), given);
                        effect.failed(given, now);
                        return handler.exhausted(attempt, given).chain(this::publish);
                    }
                    count(attempt, "retry");
                    Instant next = now.plus(schedule.waitAfter(attempt.number()));
                    LOG.warnf("effect %s/%s: attempt %d failed (%s), next at %s", attempt.kind(), attempt.key(),
                            attempt.number(), reason, next);
                    effect.retryAt(next, reason, now);
                    return handler.willRetry(attempt, reason, next);
                }));
    }

    private Uni<Void> publish(List<DomainEvent> events) {
        return outbox.publishAll(events);
    }

    private void count(Attempt attempt, String outcome) {
        metrics.counter("postventa.effects.attempts", "kind", attempt.kind(), "outcome", outcome).increment();
    }

    /** Timers fire on other threads: come back to the worker's context, where Panache's session lives. */
    private static <T> Uni<T> onContext(Uni<T> uni, Context context) {
        return context == null ? uni : uni.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }
}
