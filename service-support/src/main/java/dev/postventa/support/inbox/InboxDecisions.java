package dev.postventa.support.inbox;

import dev.postventa.support.persistence.Outages;
import dev.postventa.events.UndecodableEventException;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * The inbox's decisions, apart from the database: a claim that inserted no row means the event was already handled
 * (skip it and count the duplicate), and a failed attempt is classified: an {@link FailureKind#INFRASTRUCTURE}
 * failure (database or broker unreachable) is retried without bound, the record waiting for the outage to end; a
 * {@link FailureKind#PERMANENT} one (an event that breaks its contract) goes straight to the dead-letter topic; any
 * other is retried a bounded number of times.
 */
final class InboxDecisions {

    /** What a claim in {@code inbox_message} found. */
    enum Claim {
        /** This consumer sees the event for the first time: run its handler. */
        FIRST,
        /** A redelivery of an event this consumer already handled: skip it and count it. */
        DUPLICATE
    }

    /** Why an attempt failed, as far as retrying it is concerned. */
    enum FailureKind {
        /** The database or broker is unreachable: the same record is retried until it is back, never dead-lettered. */
        INFRASTRUCTURE,
        /** The message can never succeed (undecodable, contract violation): dead-lettered at once. */
        PERMANENT,
        /** Anything else: retried {@code postventa.inbox.max-retries} times, then dead-lettered. */
        OTHER
    }

    /** Told before each retry: the kind of failure, the attempt that failed (1 = the first) and the wait. */
    @FunctionalInterface
    interface RetryListener {
        void retrying(FailureKind kind, int failedAttempt, Throwable failure, Duration wait);
    }

    private final InboxConfig config;

    InboxDecisions(InboxConfig config) {
        this.config = config;
    }

    /** The claim's {@code INSERT .. ON CONFLICT DO NOTHING} inserted {@code insertedRows} rows. */
    static Claim claimed(int insertedRows) {
        return insertedRows == 1 ? Claim.FIRST : Claim.DUPLICATE;
    }

    /** True when another attempt may succeed; an event that breaks its contract fails the same way every time. */
    static boolean isRetryable(Throwable failure) {
        return classify(failure) != FailureKind.PERMANENT;
    }

    /**
     * Classifies a failure by its type (the failure itself, not its causes, for a contract violation; anywhere in
     * its cause chain for an outage, since Hibernate and Mutiny wrap the driver's failure) and by SQLState, never by
     * a message's wording.
     */
    static FailureKind classify(Throwable failure) {
        if (failure instanceof UndecodableEventException) {
            return FailureKind.PERMANENT;
        }
        return Outages.isOutage(failure) ? FailureKind.INFRASTRUCTURE : FailureKind.OTHER;
    }

    /** See {@link Outages#isOutageSqlState}. */
    static boolean isOutageSqlState(String sqlState) {
        return Outages.isOutageSqlState(sqlState);
    }

    /** The wait before retry number {@code retry} (1 = the first): {@code initial} doubled each time, up to {@code max}. */
    static Duration backoff(int retry, Duration initial, Duration max) {
        int doublings = Math.min(Math.max(retry - 1, 0), 30);
        Duration wait = initial.multipliedBy(1L << doublings);
        return wait.compareTo(max) > 0 || wait.isNegative() ? max : wait;
    }

    /**
     * {@code attempt} resubscribed after each failure until it succeeds: without bound for an infrastructure
     * failure, at most {@code postventa.inbox.max-retries} times for other failures, never for a permanent one.
     */
    <T> Uni<T> withRetries(Uni<T> attempt) {
        return withRetries(attempt, Runnable::run, (kind, failedAttempt, failure, wait) -> {
        });
    }

    /** The same, resuming each retry on {@code resumeOn} (the consumer's Vert.x context) and telling {@code listener}. */
    <T> Uni<T> withRetries(Uni<T> attempt, Executor resumeOn, RetryListener listener) {
        return run(attempt, resumeOn, listener, 1, 0, 0);
    }

    private <T> Uni<T> run(Uni<T> attempt, Executor resumeOn, RetryListener listener, int attemptNumber,
                           int outageRetries, int otherRetries) {
        return attempt.onFailure().recoverWithUni(failure -> {
            FailureKind kind = classify(failure);
            if (kind == FailureKind.PERMANENT
                    || (kind == FailureKind.OTHER && otherRetries >= config.maxRetries())) {
                return Uni.createFrom().failure(failure);
            }
            int nextOutage = kind == FailureKind.INFRASTRUCTURE ? outageRetries + 1 : 0;
            int nextOther = kind == FailureKind.OTHER ? otherRetries + 1 : otherRetries;
            Duration wait = kind == FailureKind.INFRASTRUCTURE
                    ? backoff(nextOutage, config.initialBackoff(), config.outageMaxBackoff())
                    : backoff(nextOther, config.initialBackoff(), config.maxBackoff());
            listener.retrying(kind, attemptNumber, failure, wait);
            return Uni.createFrom().voidItem()
                    .onItem().delayIt().by(wait)
                    .emitOn(resumeOn)
                    .chain(() -> run(attempt, resumeOn, listener, attemptNumber + 1, nextOutage, nextOther));
        });
    }
}
