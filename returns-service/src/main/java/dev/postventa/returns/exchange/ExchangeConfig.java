package dev.postventa.returns.exchange;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The shop's exchange settings: which replacements are offered and whether a dearer one may be paid on top. */
@ConfigMapping(prefix = "postventa.exchange")
public interface ExchangeConfig {

    /** Offer other products in stock too (after the other variants of the returned product), not only variants. */
    @WithDefault("false")
    boolean anyProduct();

    /**
     * Accept a replacement dearer than what was paid for the returned unit; the customer pays the difference
     * ({@code ExchangeRequested.differenceToPay}). When false such a replacement is refused (422) and not offered.
     */
    @WithDefault("false")
    boolean allowPayDifference();

    /** Most replacements listed by {@code GET /returns/exchange-options} (variants first). */
    @WithDefault("50")
    int maxOptions();
}
