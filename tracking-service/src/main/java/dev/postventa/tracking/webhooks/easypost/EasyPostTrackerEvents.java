package dev.postventa.tracking.webhooks.easypost;

import com.fasterxml.jackson.databind.JsonNode;
import dev.postventa.events.EventJson;
import dev.postventa.support.problem.ProblemException;
import dev.postventa.tracking.webhooks.CarrierScan;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads an EasyPost {@code tracker.created}/{@code tracker.updated} webhook Event into canonical scans, one per
 * entry of the tracker's {@code tracking_details}. EasyPost sends the whole history every time and the entries have
 * no id, so a scan's id is the tracker id, the scan time and the status: redelivered history adds nothing.
 */
public final class EasyPostTrackerEvents {

    private EasyPostTrackerEvents() {
    }

    /** Empty for events that are not about a tracker; a 400 problem for a tracker event that cannot be read. */
    public static List<CarrierScan> scans(byte[] body) {
        JsonNode event;
        try {
            event = EventJson.mapper().readTree(body);
        } catch (IOException e) {
            throw malformed("body is not JSON: " + e.getMessage());
        }
        String description = event == null ? "" : event.path("description").asText();
        if (!description.startsWith("tracker.")) {
            return List.of();
        }
        JsonNode tracker = event.path("result");
        String trackerId = text(tracker, "id");
        String trackingCode = text(tracker, "tracking_code");
        List<CarrierScan> scans = new ArrayList<>();
        for (JsonNode detail : tracker.path("tracking_details")) {
            String status = text(detail, "status");
            Instant at = instant(text(detail, "datetime"));
            scans.add(new CarrierScan(trackerId + ":" + at + ":" + status, trackingCode, status, at,
                    location(detail.path("tracking_location"))));
        }
        return scans;
    }

    private static String location(JsonNode location) {
        String text = Stream.of("city", "state", "country")
                .map(field -> location.path(field).asText(""))
                .filter(part -> !part.isBlank())
                .collect(Collectors.joining(", "));
        return text.isBlank() ? null : text;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw malformed("tracker event lacks " + field);
        }
        return value.asText();
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw malformed("datetime '" + value + "' is not an ISO-8601 instant");
        }
    }

    private static ProblemException malformed(String detail) {
        return new ProblemException(400, "malformed-body", "Not an EasyPost tracker event", detail, List.of());
    }
}
