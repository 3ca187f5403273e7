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

    /** When a shipment counts as stalled (operators' KPI and {@code postventa_shipments_stalled}). */
    Stall stall();

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

    /**
     * SLAs of a shipment that is not moving, measured from the time WE received its latest scan (or created its
     * label, while it has no scan) to our clock: never the carrier's scan time, so a carrier's skewed clock makes no
     * parcel look stalled or fresh.
     */
    interface Stall {

        /** Longest a label may stay unused (status {@code LABEL_CREATED}) before the shipment is stalled. */
        @WithDefault("7d")
        Duration labelUnused();

        /** Longest a moving shipment (in transit, out for delivery, exception) may go without a new scan. */
        @WithDefault("72h")
        Duration inTransit();

        /** How often {@code postventa_shipments_stalled} is computed from the database. */
        @WithDefault("1m")
        Duration refresh();
    }
}
