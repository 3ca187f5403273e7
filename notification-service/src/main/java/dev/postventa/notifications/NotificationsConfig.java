package dev.postventa.notifications;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** How hard notification-service tries to reach a customer. */
@ConfigMapping(prefix = "postventa.notifications")
public interface NotificationsConfig {

    /** Delivery attempts per message before it is marked FAILED. */
    int maxAttempts();

    /** Attempts made right after the event arrives, before the message is left to the sweeper. */
    int immediateRetries();

    /** Wait between the immediate attempts. */
    Duration retryBackoff();

    /** A PENDING message whose last attempt is older than this is tried again by the sweeper. */
    Duration retryAfter();

    /** How often the sweeper looks for PENDING messages. */
    Duration sweepInterval();
}
