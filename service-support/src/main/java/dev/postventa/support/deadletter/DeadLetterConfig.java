package dev.postventa.support.deadletter;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the dead-letter operations API ({@code /ops/dead-letters}). */
@ConfigMapping(prefix = "postventa.dead-letters")
public interface DeadLetterConfig {

    /** At most this many messages are listed, oldest first (replay-all still reads the whole topic). */
    @WithDefault("500")
    int maxListed();

    /** How long reading the dead-letter topic (or producing a replay) may take before the request fails with 503. */
    @WithDefault("15s")
    Duration kafkaTimeout();
}
