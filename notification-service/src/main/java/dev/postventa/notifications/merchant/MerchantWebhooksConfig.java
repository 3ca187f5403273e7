package dev.postventa.notifications.merchant;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of merchant webhooks ({@code postventa.merchant-webhooks.*}, env {@code MERCHANT_WEBHOOKS_*}). */
@ConfigMapping(prefix = "postventa.merchant-webhooks")
public interface MerchantWebhooksConfig {

    /**
     * Longest wait to connect to a merchant's endpoint, and again for its answer; must be shorter than the effect
     * worker's {@code postventa.effects.call-timeout} (checked at startup), so the attempt ends here first.
     */
    @WithDefault("10s")
    Duration timeout();

    /** Hosts a subscription may reach over plain {@code http} (none in production; localhost in dev and tests). */
    Optional<List<String>> insecureHosts();

    /** Most deliveries {@code GET /merchant-webhooks/{id}/deliveries} shows, newest first. */
    @WithDefault("100")
    int deliveriesShown();
}
