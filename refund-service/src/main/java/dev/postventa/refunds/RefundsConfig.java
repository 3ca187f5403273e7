package dev.postventa.refunds;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Which payment-provider adapter pays refunds, and its settings. How often and how long the provider is called is the
 * shared effect schedule, {@code postventa.effects.*}.
 */
@ConfigMapping(prefix = "postventa.refunds")
public interface RefundsConfig {

    /** The adapter of the payment-provider port: {@code simulated} (moves no money) or {@code http}. */
    @WithDefault("simulated")
    ProviderKind provider();

    /** Settings of {@code SimulatedPaymentProvider}. */
    Simulated simulated();

    /** Settings of {@code HttpPaymentProvider}. */
    Http http();

    /** How refunds whose outcome stayed unknown are asked about again. */
    UnknownOutcomes unknownOutcomes();

    /** The adapters there are. */
    enum ProviderKind { SIMULATED, HTTP }

    /** Settings of {@code SimulatedPaymentProvider}, which moves no money. */
    interface Simulated {

        /** How long each call takes. */
        @WithDefault("50ms")
        Duration latency();

        /** Share of calls (0..1) that fail transiently. */
        @WithDefault("0")
        @DecimalMin("0") @DecimalMax("1")
        double transientFailureRate();

        /** Share of calls (0..1) that are refused for good. */
        @WithDefault("0")
        @DecimalMin("0") @DecimalMax("1")
        double permanentFailureRate();
    }

    /** Settings of {@code HttpPaymentProvider}: a provider speaking the JSON API documented in the README. */
    interface Http {

        /** Base URL of the provider's API ({@code POST {url}/refunds}, {@code GET {url}/refunds/{key}}). */
        Optional<URI> url();

        /** Sent as {@code Authorization: Bearer …} when set; never logged. */
        Optional<String> apiKey();

        /** Longest wait to open a connection (a refused connection proves nothing was sent). */
        @WithDefault("5s")
        Duration connectTimeout();

        /** Largest answer body read from the provider; a longer one is an unexpected answer. */
        @WithDefault("65536")
        int maxAnswerBytes();
    }

    /**
     * A refund whose payment and status lookups all went unanswered stays OUTCOME_UNKNOWN; the provider usually comes
     * back, so its status is looked up again every {@code recheck-every} (a full round of lookups with the effect
     * schedule), for {@code recheck-for} after the refund was owed. After that, only operations settle it.
     */
    interface UnknownOutcomes {

        /** How long after a round of lookups failed the next round starts (refund-service's clock). */
        @WithDefault("30m")
        Duration recheckEvery();

        /** How long after the refund was owed rounds are still started (refund-service's clock). */
        @WithDefault("7d")
        Duration recheckFor();

        /** How often the sweep looks for refunds due a new round (read by the scheduler). */
        @WithDefault("1m")
        Duration sweepEvery();

        /** Refunds re-armed per sweep (the rest wait for the next one). */
        @WithDefault("100")
        @Min(1)
        int batchSize();
    }
}
