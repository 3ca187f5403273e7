package dev.postventa.support.effect;

import java.time.Duration;

/**
 * When a failed effect is tried again: waits that double from {@code initialBackoff} up to {@code maxBackoff}, and no
 * attempt after {@code maxAttempts}. Pure, so the schedule is tested without a clock.
 */
public record RetrySchedule(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    public RetrySchedule {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
    }

    static RetrySchedule of(EffectsConfig config) {
        return new RetrySchedule(config.maxAttempts(), config.initialBackoff(), config.maxBackoff());
    }

    /** True when attempt number {@code failedAttempt} (1-based) may be followed by another one. */
    public boolean allowsAnotherAfter(int failedAttempt) {
        return failedAttempt < maxAttempts;
    }

    /** Wait after failed attempt {@code failedAttempt} (1-based) before the next one. */
    public Duration waitAfter(int failedAttempt) {
        int doublings = Math.max(0, Math.min(failedAttempt - 1, 30));
        Duration wait = initialBackoff.multipliedBy(1L << doublings);
        return wait.compareTo(maxBackoff) > 0 || wait.isNegative() ? maxBackoff : wait;
    }
}
