package dev.postventa.tracking.webhooks;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/**
 * Secrets of the tracking vendors whose own webhook formats we take (Shippo, AfterShip). A vendor without a secret
 * has its endpoint refused (404), like EasyPost's; the timestamp tolerance is {@code postventa.tracking.webhook-tolerance}.
 */
@ConfigMapping(prefix = "postventa.vendor-webhooks")
public interface VendorWebhooksConfig {

    /** Shippo webhook HMAC secrets (several while rotating); {@code POST /webhooks/shippo} answers 404 while none. */
    Optional<List<String>> shippoSecrets();

    /** AfterShip webhook secrets (several while rotating); {@code POST /webhooks/aftership} answers 404 while none. */
    Optional<List<String>> aftershipSecrets();
}
