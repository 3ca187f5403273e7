package dev.postventa.tracking.notices;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How the label reminder is tied to the return's ship-by time ({@code ReturnApproved.shipBy}); the fixed period after
 * the label is {@code postventa.shipment-notices.label-reminder-after}. See {@link LabelReminders}.
 */
@ConfigMapping(prefix = "postventa.label-reminder")
public interface LabelReminderConfig {

    /** How long before the ship-by time the customer is reminded, when that comes before the fixed period. */
    @WithDefault("P2D")
    Duration lead();

    /** The youngest a label may be when reminded: a label made the day the window ends needs no reminder an hour later. */
    @WithDefault("PT24H")
    Duration minAge();
}
