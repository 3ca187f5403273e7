package dev.postventa.tracking.notices;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Proactive shipment notices. The stall SLAs are the operators' ({@code postventa.tracking.stall.*}), and the
 * detector runs every {@code postventa.tracking.stall.refresh}; only what is the notices' own is here.
 */
@ConfigMapping(prefix = "postventa.shipment-notices")
public interface NoticesConfig {

    /**
     * How long after the label was made (our clock) an unused label (no scan at all) gets its reminder. Meant to be
     * shorter than {@code postventa.tracking.stall.label-unused}: a label that stalls first gets the stall message
     * instead, never both.
     */
    @WithDefault("5d")
    Duration labelReminderAfter();

    /** Most shipments one detector run notifies; the rest wait for the next refresh. */
    @WithDefault("100")
    int batchSize();
}
