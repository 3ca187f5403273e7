package dev.postventa.returns.policy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The shop's return policy settings. */
@ConfigMapping(prefix = "postventa.returns")
public interface ReturnsConfig {

    /** How long after delivery a customer may ask for a return. */
    @WithDefault("30d")
    Duration window();

    /** Approve every eligible request at once; when false requests wait in REQUESTED for a person. */
    @WithDefault("true")
    boolean autoApprove();
}
