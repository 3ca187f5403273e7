package dev.postventa.tracking.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.postventa.events.EventJson;
import dev.postventa.support.problem.FieldViolations;
import dev.postventa.support.problem.Problem.FieldViolation;
import dev.postventa.support.problem.ProblemException;
import dev.postventa.tracking.TrackingConfig;
import dev.postventa.tracking.shipment.ShipmentService;
import dev.postventa.tracking.shipment.ShipmentService.ScanOutcome;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Carriers POST scans here. The size is checked first (413), then the signature on the raw bytes before anything is
 * parsed; a bad signature is 401, a malformed body 400, and in all cases nothing is stored. A redelivered scan answers 200 and changes nothing.
 */
@Path("/webhooks/carriers/{carrier}/scans")
@Tag(name = "Carrier webhooks")
public class CarrierWebhookResource {

    /** Largest scan body taken: a canonical scan is well under 1 KiB; anything above is refused with 413. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private final WebhookSignatures signatures;
    private final ShipmentService shipments;
    private final Validator validator;
    private final WebhookMetrics metrics;
    private final TrackingConfig config;

    CarrierWebhookResource(WebhookSignatures signatures, ShipmentService shipments, Validator validator,
                           WebhookMetrics metrics, TrackingConfig config) {
        this.signatures = signatures;
        this.metrics = metrics;
        this.config = config;
        this.shipments = shipments;
        this.validator = validator;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report a carrier scan (Standard Webhooks signed)",
            description = "202 when recorded, 200 when the same carrier event id was already recorded; bodies over "
                    + MAX_BODY_BYTES + " bytes are refused with 413.")
    public Uni<Response> receive(@PathParam("carrier") String carrier, byte[] body, HttpHeaders headers) {
        String known = config.carriers().containsKey(carrier) ? carrier : WebhookMetrics.UNKNOWN_CARRIER;
        return metrics.counted(known, () -> handle(carrier, body, headers));
    }

    private Uni<Response> handle(String carrier, byte[] body, HttpHeaders headers) {
        BodyLimits.check(body, MAX_BODY_BYTES, "a scan");
        String payload = new String(body, StandardCharsets.UTF_8);
        signatures.verify(carrier, payload, lowerCased(headers.getRequestHeaders()));
        CarrierScan scan = parse(body);
        return shipments.record(carrier, scan).map(outcome -> Response
                .status(outcome == ScanOutcome.RECORDED ? 202 : 200)
                .entity(Map.of("outcome", outcome.name().toLowerCase(Locale.ROOT), "eventId", scan.eventId()))
                .build());
    }

    private CarrierScan parse(byte[] body) {
        CarrierScan scan;
        try {
            scan = EventJson.mapper().readValue(body, CarrierScan.class);
        } catch (JsonProcessingException e) {
            throw new ProblemException(400, "malformed-body", "Scan is not valid JSON in the canonical format",
                    e.getOriginalMessage(), List.of());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (scan == null) {
            throw new ProblemException(400, "malformed-body", "Scan is empty", "a JSON object is required", List.of());
        }
        List<FieldViolation> violations = FieldViolations.of(validator.validate(scan));
        if (!violations.isEmpty()) {
            throw ProblemException.invalid("Scan is not valid", violations);
        }
        return scan;
    }

    private static Map<String, List<String>> lowerCased(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new TreeMap<>();
        headers.forEach((name, values) -> copy.put(name.toLowerCase(Locale.ROOT), values));
        return copy;
    }
}
