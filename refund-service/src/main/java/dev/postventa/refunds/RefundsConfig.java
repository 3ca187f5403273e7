package dev.postventa.refunds;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** How refunds are driven through the payment provider. */
@ConfigMapping(prefix = "postventa.refunds")
public interface RefundsConfig {

    /** Provider calls per refund before it fails for good. */
    int maxAttempts();

    /** First wait after a transient provider failure; doubles each time. */
    Duration initialBackoff();

    /** Longest wait between provider calls. */
    Duration maxBackoff();

    /** A refund PENDING for longer than this is driven again by the sweeper. */
    Duration stuckAfter();

    /** How often the sweeper looks for stuck refunds. */
    Duration sweepInterval();

    /** The simulated provider's behaviour. */
    Provider provider();

    /** Settings of the simulated payment provider. */
    interface Provider {

        /** How long each call takes. */
        Duration latency();

        /** Share of calls (0..1) that fail transiently. */
        double transientFailureRate();

        /** Share of calls (0..1) that are refused for good. */
        double permanentFailureRate();
    }
}
