package dev.postventa.tracking.webhooks.aftership;

import dev.postventa.support.problem.ProblemException;
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
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * AfterShip's {@code tracking_update} webhooks, verified with AfterShip's signature on the raw body and turned into
 * scans of the shipment with that tracking number. AfterShip signs no timestamp, so a replay is stopped by its
 * {@code event_id}: a delivery seen before answers 200 and changes nothing.
 */
@Path("/webhooks/aftership")
@Tag(name = "Carrier webhooks")
public class AfterShipWebhookResource {

    static final String SOURCE = "aftership";
    /** Largest AfterShip event taken: a tracking with all its checkpoints; anything above is refused with 413. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    private final VendorWebhooksConfig vendors;
    private final VendorDeliveries deliveries;
    private final WebhookMetrics metrics;

    AfterShipWebhookResource(VendorWebhooksConfig vendors, VendorDeliveries deliveries, WebhookMetrics metrics) {
        this.vendors = vendors;
        this.deliveries = deliveries;
        this.metrics = metrics;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "AfterShip tracking_update webhook (aftership-hmac-sha256)",
            description = "202 when it added scans, 200 when its event_id was delivered before or every checkpoint "
                    + "was known; other event types are acknowledged (202) and ignored.")
    public Uni<Response> receive(byte[] body, @HeaderParam(AfterShipSignature.HEADER) String signature) {
        return metrics.counted(SOURCE, () -> handle(body, signature));
    }

    private Uni<Response> handle(byte[] body, String signature) {
        BodyLimits.check(body, MAX_BODY_BYTES, "an AfterShip event");
        List<String> secrets = vendors.aftershipSecrets().orElseThrow(() -> new WebhookMetrics.UnknownCarrier(SOURCE));
        if (!AfterShipSignature.matches(body, signature, secrets)) {
            throw new ProblemException(401, "webhook-signature", "Webhook signature not valid",
                    AfterShipSignature.HEADER + " does not match the body under any AfterShip secret", List.of());
        }
        AfterShipTrackingUpdates.Update update = AfterShipTrackingUpdates.read(body);
        if (update == null) {
            return Uni.createFrom().item(Response.status(202).entity(Map.of("ignored", true)).build());
        }
        return deliveries.record(SOURCE, update.eventId(), body, update.trackingNumber(), update::scans);
    }
}
