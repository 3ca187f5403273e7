package dev.postventa.returns.policy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * When a return waits for a person instead of being approved at once (auto-approval stays the default): high value,
 * serial returners, lines the storefront flagged.
 */
@ConfigMapping(prefix = "postventa.review")
public interface ReviewConfig {

    /** Per ISO 4217 currency: a return whose total is at or above it is reviewed (a currency not listed: never). */
    Map<String, BigDecimal> highValue();

    /** Customers with many recent returns. */
    SerialReturner serialReturner();

    /** Review any return with a line the storefront flagged ({@code OrderLine.reviewFlagged}). */
    @WithDefault("true")
    boolean storefrontFlags();

    interface SerialReturner {

        /**
         * Earlier returns (any status) within {@link #within()} from which a customer's next one is reviewed; 0 (the
         * default): off. A merchant's choice, e.g. 5: with it on, a shop whose orders all carry one customer id (a
         * load test) sends every return after the fifth to review.
         */
        @WithDefault("0")
        int returns();

        /** How far back earlier returns count. */
        @WithDefault("90d")
        Duration within();
    }
}
