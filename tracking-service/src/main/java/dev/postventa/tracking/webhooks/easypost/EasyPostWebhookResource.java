package dev.postventa.tracking.webhooks.easypost;

import dev.postventa.support.problem.FieldViolations;
import dev.postventa.support.problem.Problem.FieldViolation;
import dev.postventa.support.problem.ProblemException;
import dev.postventa.tracking.TrackingConfig;
import dev.postventa.tracking.shipment.ShipmentService;
import dev.postventa.tracking.shipment.ShipmentService.ScanOutcome;
import dev.postventa.tracking.webhooks.BodyLimits;
import dev.postventa.tracking.webhooks.CarrierScan;
import dev.postventa.tracking.webhooks.WebhookMetrics;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
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
    /** Largest EasyPost event taken: a tracker with its whole scan history; anything above is refused with 413. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    private final TrackingConfig config;
    private final ShipmentService shipments;
    private final Validator validator;
    private final WebhookMetrics metrics;

    EasyPostWebhookResource(TrackingConfig config, ShipmentService shipments, Validator validator,
                            WebhookMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
        this.shipments = shipments;
        this.validator = validator;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "EasyPost tracker.created / tracker.updated webhook (X-Hmac-Signature)",
            description = "202 with how many of the tracker's scans were new; other event types are acknowledged "
                    + "and ignored.")
    public Uni<Response> receive(byte[] body, @HeaderParam("X-Hmac-Signature") String signature) {
        // Always 202 (EasyPost resends its whole history): a duplicate when every scan in it was known already.
        return metrics.counted(SOURCE, () -> handle(body, signature), response -> {
            Map<?, ?> counts = (Map<?, ?>) response.getEntity();
            return Integer.valueOf(0).equals(counts.get("recorded")) && !Integer.valueOf(0).equals(counts.get("duplicates"))
                    ? WebhookMetrics.DUPLICATE : WebhookMetrics.ACCEPTED;
        });
    }

    private Uni<Response> handle(byte[] body, String signature) {
        BodyLimits.check(body, MAX_BODY_BYTES, "an EasyPost event");
        List<String> secrets = config.easypostSecrets().orElseThrow(() -> new WebhookMetrics.UnknownCarrier(SOURCE));
        if (!EasyPostSignature.matches(body, signature, secrets)) {
            throw new ProblemException(401, "webhook-signature", "Webhook signature not valid",
                    "X-Hmac-Signature does not match the body under any EasyPost secret", List.of());
        }
        List<CarrierScan> scans = EasyPostTrackerEvents.scans(body);
        validate(scans);
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

    /** The canonical scans EasyPost's event becomes obey the same field limits as posted ones (400 naming each). */
    private void validate(List<CarrierScan> scans) {
        List<FieldViolation> violations = new ArrayList<>();
        for (int i = 0; i < scans.size(); i++) {
            String prefix = "tracking_details[" + i + "].";
            violations.addAll(FieldViolations.of(validator.validate(scans.get(i)),
                    v -> prefix + v.getPropertyPath()));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid("EasyPost event is not valid", violations);
        }
    }
}
