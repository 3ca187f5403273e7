package dev.postventa.returns.policy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long after its return window closes an approved return may still be handed to the carrier. */
@ConfigMapping(prefix = "postventa.ship-by")
public interface ShipByConfig {

    /**
     * Added to the latest window close of the lines shipped back to give {@code ReturnApproved.shipBy}
     * ({@code RETURN_SHIP_GRACE}): the customer asked in time and gets this long to drop the parcel off.
     */
    @WithDefault("P7D")
    Duration grace();
}
