package dev.postventa.notifications.delivery;

import dev.postventa.notifications.NotificationsConfig;
import java.time.Duration;

/**
 * When a message is tried again: a few quick retries with a doubling backoff right after the event, then sweeper
 * attempts whose wait doubles after each failure up to a ceiling, so an SMTP outage of hours still loses nothing.
 */
public record RetrySchedule(int immediateRetries, Duration retryBackoff, Duration retryAfter, Duration maxRetryAfter,
                            Duration sendTimeout) {

    static RetrySchedule of(NotificationsConfig config) {
        return new RetrySchedule(config.immediateRetries(), config.retryBackoff(), config.retryAfter(),
                config.maxRetryAfter(), config.sendTimeout());
    }

    /** True when the attempt that just failed is followed by a quick retry. */
    public boolean retriesAtOnce(int failedAttempt) {
        return failedAttempt <= immediateRetries;
    }

    /** Wait before the quick retry that follows failed attempt {@code failedAttempt} (1-based). */
    public Duration beforeQuickRetry(int failedAttempt) {
        return doubled(retryBackoff, failedAttempt - 1);
    }

    /** Wait after failed attempt {@code failedAttempt} before the sweeper may try the message again. */
    public Duration afterFailure(int failedAttempt) {
        int sweeperAttemptsFailed = failedAttempt - (immediateRetries + 1);
        Duration wait = doubled(retryAfter, sweeperAttemptsFailed);
        return wait.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : wait;
    }

    /**
     * How long an attempt may be in flight before the sweeper presumes it lost (the process died): its send timeout
     * and then the usual wait. Until then no other attempt sends the same message.
     */
    public Duration lease() {
        return sendTimeout.plus(retryAfter);
    }

    private static Duration doubled(Duration base, int times) {
        return base.multipliedBy(1L << Math.max(0, Math.min(times, 20)));
    }
}
