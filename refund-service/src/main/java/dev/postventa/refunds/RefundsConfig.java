package dev.postventa.refunds;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import java.time.Duration;

/**
 * How the simulated payment provider behaves. How often and how long the provider is called is the shared effect
 * schedule, {@code postventa.effects.*}.
 */
@ConfigMapping(prefix = "postventa.refunds")
public interface RefundsConfig {

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
