package dev.postventa.tracking.webhooks.shippo;

import dev.postventa.tracking.TrackingConfig;
import dev.postventa.tracking.webhooks.BodyLimits;
import dev.postventa.tracking.webhooks.VendorDeliveries;
import dev.postventa.tracking.webhooks.VendorWebhooksConfig;
import dev.postventa.tracking.webhooks.WebhookMetrics;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Shippo's {@code track_updated} webhooks, verified with Shippo's signature on the raw body (with its signed
 * timestamp within {@code postventa.tracking.webhook-tolerance}) and turned into scans of the shipment with that
 * tracking number, whatever carrier made its label.
 */
@Path("/webhooks/shippo")
@Tag(name = "Carrier webhooks")
public class ShippoWebhookResource {

    static final String SOURCE = "shippo";
    /** Largest Shippo event taken: a Track with its whole history; anything above is refused with 413. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    private final VendorWebhooksConfig vendors;
    private final TrackingConfig config;
    private final VendorDeliveries deliveries;
    private final WebhookMetrics metrics;
    private final Clock clock;

    ShippoWebhookResource(VendorWebhooksConfig vendors, TrackingConfig config, VendorDeliveries deliveries,
                          WebhookMetrics metrics, Clock clock) {
        this.vendors = vendors;
        this.config = config;
        this.deliveries = deliveries;
        this.metrics = metrics;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Shippo track_updated webhook (Shippo-Auth-Signature)",
            description = "202 when it added scans, 200 when delivered before or every scan was known; other event "
                    + "types are acknowledged (202) and ignored.")
    public Uni<Response> receive(byte[] body, @HeaderParam(ShippoSignature.HEADER) String signature) {
        return metrics.counted(SOURCE, () -> handle(body, signature));
    }

    private Uni<Response> handle(byte[] body, String signature) {
        BodyLimits.check(body, MAX_BODY_BYTES, "a Shippo event");
        List<String> secrets = vendors.shippoSecrets().orElseThrow(() -> new WebhookMetrics.UnknownCarrier(SOURCE));
        ShippoSignature.verify(body, signature, secrets, clock.instant(), config.webhookTolerance());
        ShippoTrackEvents.TrackUpdate update = ShippoTrackEvents.read(body);
        if (update == null) {
            return Uni.createFrom().item(Response.status(202).entity(Map.of("ignored", true)).build());
        }
        // Shippo sends no delivery id: the body's digest is one (a retry re-signs the same body with a new t).
        return deliveries.record(SOURCE, "sha256:" + sha256(body), body, update.trackingNumber(),
                originCountry -> update.scans());
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
