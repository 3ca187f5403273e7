package dev.postventa.tracking;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Carriers this service works with and how their webhooks are authenticated. */
@ConfigMapping(prefix = "postventa.tracking")
public interface TrackingConfig {

    /** Carrier that creates labels for new return shipments. */
    @WithDefault("simulated")
    String defaultCarrier();

    /**
     * How far a webhook's timestamp (the sender's clock) may be from now (ours), either way, before it is refused as
     * a replay. Checked by this service, so any value works, including more than the library's own 5 minutes.
     */
    @WithDefault("5m")
    Duration webhookTolerance();

    /**
     * How far ahead of our receipt a scan's carrier time may be and still be trusted to order scans; a scan further
     * ahead is kept and flagged {@code futureDated} (see {@code ScanOrder}).
     */
    @WithDefault("1d")
    Duration futureScanTolerance();

    /** EasyPost webhook secrets (several while rotating); EasyPost webhooks are refused while none is set. */
    Optional<List<String>> easypostSecrets();

    /** Per carrier name (the path segment of its webhook URL). */
    Map<String, Carrier> carriers();

    /** One carrier's settings. */
    interface Carrier {

        /**
         * Standard Webhooks secrets ({@code whsec_<base64>}); several while a secret is being rotated. Required: the
         * service refuses to start without them ({@link WebhookSecretsCheck}).
         */
        Optional<List<String>> secrets();
    }
}
