package dev.postventa.support.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How consumers retry a failing event before it goes to the dead-letter topic. */
@ConfigMapping(prefix = "postventa.inbox")
public interface InboxConfig {

    /** Retries after the first attempt. */
    @WithDefault("3")
    int maxRetries();

    /** First wait between attempts; grows exponentially. */
    @WithDefault("200ms")
    Duration initialBackoff();

    /** Longest wait between attempts. */
    @WithDefault("2s")
    Duration maxBackoff();
}
