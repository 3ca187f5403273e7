package dev.postventa.notifications;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** How hard notification-service tries to reach a customer, and how often it looks for messages still to deliver. */
@ConfigMapping(prefix = "postventa.notifications")
public interface NotificationsConfig {

    /** Delivery attempts per message (quick retries included) before it is marked FAILED. */
    int maxAttempts();

    /** Quick retries right after the event arrives, before the message is left to the sweeper. */
    int immediateRetries();

    /** Wait before the first quick retry; doubled before each further one. */
    Duration retryBackoff();

    /**
     * Wait before the sweeper tries a message again: after the quick retries failed, after a crash (counted from the
     * end of the send timeout), or when a stored message was never tried. Doubled after each further failure.
     */
    Duration retryAfter();

    /** Longest wait between two sweeper attempts, however many attempts failed. */
    Duration maxRetryAfter();

    /** How long one SMTP send may take before the attempt counts as failed. */
    Duration sendTimeout();

    /** How often the sweeper looks for messages that are due. */
    Duration sweepInterval();

    /** Most messages one sweep tries, oldest due first. */
    int sweepBatchSize();
}
