package dev.postventa.support.inbox;

import dev.postventa.events.UndecodableEventException;
import io.smallrye.mutiny.Uni;

/**
 * The inbox's decisions, apart from the database: a claim that inserted no row means the event was already handled
 * (skip it and count the duplicate), and a failed attempt is retried with backoff unless it is an
 * {@link UndecodableEventException}, which no retry can fix and which goes straight to the dead-letter topic.
 */
final class InboxDecisions {

    /** What a claim in {@code inbox_message} found. */
    enum Claim {
        /** This consumer sees the event for the first time: run its handler. */
        FIRST,
        /** A redelivery of an event this consumer already handled: skip it and count it. */
        DUPLICATE
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
        return !(failure instanceof UndecodableEventException);
    }

    /**
     * {@code attempt} resubscribed after each retryable failure, with exponential backoff, at most
     * {@code postventa.inbox.max-retries} times; then, or at once for a non-retryable failure, it fails.
     */
    <T> Uni<T> withRetries(Uni<T> attempt) {
        return attempt
                .onFailure(InboxDecisions::isRetryable)
                .retry().withBackOff(config.initialBackoff(), config.maxBackoff()).atMost(config.maxRetries());
    }
}
