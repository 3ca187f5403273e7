package dev.postventa.refunds;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/** How refunds are paid through the payment provider, and how the simulated provider behaves. */
@ConfigMapping(prefix = "postventa.refunds")
public interface RefundsConfig {

    /** Provider calls per drive of a refund (first call included) before transient failures make it FAILED. */
    @Min(1)
    int maxAttempts();

    /** Wait after the first transient provider failure; grows exponentially (with jitter) up to maxBackoff. */
    Duration initialBackoff();

    /** Longest wait between two provider calls of the same refund. */
    Duration maxBackoff();

    /** A provider call without an answer after this long counts as a transient failure (retried with the same key). */
    Duration callTimeout();

    /** A refund still PENDING this long after its last change is driven again by the sweeper (e.g. after a crash). */
    Duration stuckAfter();

    /** How often the sweeper looks for stuck refunds (also the delay of its first run after start). */
    Duration sweepInterval();

    /** The simulated payment provider. */
    Provider provider();

    /** Settings of {@code SimulatedPaymentProvider}, which moves no money. */
    interface Provider {

        /** How long each call takes. */
        Duration latency();

        /** Share of calls (0..1) that fail transiently. */
        @DecimalMin("0") @DecimalMax("1")
        double transientFailureRate();

        /** Share of calls (0..1) that are refused for good. */
        @DecimalMin("0") @DecimalMax("1")
        double permanentFailureRate();
    }
}
