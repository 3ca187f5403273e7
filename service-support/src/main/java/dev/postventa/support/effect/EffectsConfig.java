package dev.postventa.support.effect;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the effect worker calls partners: one schedule per service (each service calls one kind of partner). */
@ConfigMapping(prefix = "postventa.effects")
public interface EffectsConfig {

    /** How often the worker looks for due effects (a committed consumer also wakes it at once). */
    @WithDefault("1s")
    Duration pollInterval();

    /** Effects claimed and performed at once by one worker round. */
    @WithDefault("20")
    int batchSize();

    /** Longest wait for a partner's answer; an attempt without one counts as a transient failure. */
    @WithDefault("30s")
    Duration callTimeout();

    /** Added to the call timeout for the lease: after it, an attempt whose worker died is presumed lost. */
    @WithDefault("30s")
    Duration leaseMargin();

    /** Attempts before the effect is given up as FAILED (its handler tells the aggregate and publishes why). */
    @WithDefault("8")
    int maxAttempts();

    /** Wait after the first failed attempt; doubles after each further failure. */
    @WithDefault("1s")
    Duration initialBackoff();

    /** Longest wait between two attempts. */
    @WithDefault("10m")
    Duration maxBackoff();
}
