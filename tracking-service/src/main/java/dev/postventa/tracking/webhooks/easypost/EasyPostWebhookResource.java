package dev.postventa.tracking.webhooks.easypost;

import dev.postventa.support.problem.ProblemException;
import dev.postventa.tracking.TrackingConfig;
import dev.postventa.tracking.shipment.ShipmentService;
import dev.postventa.tracking.shipment.ShipmentService.ScanOutcome;
import dev.postventa.tracking.webhooks.CarrierScan;
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
 * EasyPost's tracker webhooks, verified with EasyPost's own signature scheme on the raw body and turned into
 * canonical scans of the shipment with that tracking code.
 */
@Path("/webhooks/easypost")
@Tag(name = "Carrier webhooks")
public class EasyPostWebhookResource {

    static final String SOURCE = "easypost";

    private final TrackingConfig config;
    private final ShipmentService shipments;

    EasyPostWebhookResource(TrackingConfig config, ShipmentService shipments) {
        this.config = config;
        this.shipments = shipments;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "EasyPost tracker.created / tracker.updated webhook (X-Hmac-Signature)",
            description = "202 with how many of the tracker's scans were new; other event types are acknowledged "
                    + "and ignored.")
    public Uni<Response> receive(byte[] body, @HeaderParam("X-Hmac-Signature") String signature) {
        List<String> secrets = config.easypostSecrets().orElseThrow(() -> ProblemException.notFound("Carrier", SOURCE));
        if (!EasyPostSignature.matches(body, signature, secrets)) {
            throw new ProblemException(401, "webhook-signature", "Webhook signature not valid",
                    "X-Hmac-Signature does not match the body under any EasyPost secret", List.of());
        }
        List<CarrierScan> scans = EasyPostTrackerEvents.scans(body);
        Uni<int[]> counts = Uni.createFrom().item(new int[2]);
        for (CarrierScan scan : scans) {
            counts = counts.chain(c -> shipments.recordFromAggregator(SOURCE, scan).map(outcome -> {
                c[outcome == ScanOutcome.RECORDED ? 0 : 1]++;
                return c;
            }));
        }
        return counts.map(c -> Response.status(202)
                .entity(Map.of("recorded", c[0], "duplicates", c[1], "ignored", scans.isEmpty())).build());
    }
}
