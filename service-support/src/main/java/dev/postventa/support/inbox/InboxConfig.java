package dev.postventa.support.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How consumers retry a failing event, and how long the inbox remembers handled events. An infrastructure failure
 * (database or broker unreachable) is retried without bound, the record waiting for the outage to end; any other
 * failure is retried {@link #maxRetries()} times before the record goes to the dead-letter topic.
 */
@ConfigMapping(prefix = "postventa.inbox")
public interface InboxConfig {

    /** Retries after the first attempt, for failures other than an infrastructure outage. */
    @WithDefault("3")
    int maxRetries();

    /** First wait between attempts; grows exponentially. */
    @WithDefault("200ms")
    Duration initialBackoff();

    /** Longest wait between attempts, for failures other than an infrastructure outage. */
    @WithDefault("2s")
    Duration maxBackoff();

    /** Longest wait between attempts while the database or broker is unreachable (retried without bound). */
    @WithDefault("30s")
    Duration outageMaxBackoff();

    /**
     * How long a handled event's claim is kept; a redelivery older than this would be handled again, so it must
     * exceed the longest time a record can be redelivered (topic retention, dead-letter replays).
     */
    @WithDefault("30d")
    Duration retention();

    /** How often the retention sweep runs (the first time one interval after start). */
    @WithDefault("1h")
    Duration retentionSweepEvery();

    /** Claims deleted per transaction by the retention sweep. */
    @WithDefault("1000")
    int retentionBatchSize();
}
