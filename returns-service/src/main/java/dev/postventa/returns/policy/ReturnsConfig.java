package dev.postventa.returns.policy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The shop's return policy settings, and how long returns-service remembers an Idempotency-Key. */
@ConfigMapping(prefix = "postventa.returns")
public interface ReturnsConfig {

    /** How long after delivery a customer may ask for a return. */
    @WithDefault("30d")
    Duration window();

    /** Approve every eligible request at once; when false requests wait in REQUESTED for a person. */
    @WithDefault("true")
    boolean autoApprove();

    /**
     * How long an {@code Idempotency-Key} of {@code POST /returns} is remembered: a retry within it gets the first
     * result; a retry after it is a new request (still bounded by what was bought and already returned).
     */
    @WithDefault("7d")
    Duration idempotencyRetention();

    /** How often expired keys are deleted (the first time one interval after start). */
    @WithDefault("1h")
    Duration idempotencyRetentionSweepEvery();

    /** Keys deleted per transaction by the sweep. */
    @WithDefault("1000")
    int idempotencyRetentionBatchSize();
}
