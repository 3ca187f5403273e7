package dev.postventa.tracking.webhooks.easypost;

import com.fasterxml.jackson.databind.JsonNode;
import dev.postventa.events.EventJson;
import dev.postventa.tracking.webhooks.CarrierScan;
import dev.postventa.tracking.webhooks.VendorPayload;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an EasyPost {@code tracker.created}/{@code tracker.updated} webhook Event into canonical scans, one per
 * entry of the tracker's {@code tracking_details}. EasyPost sends the whole history every time and the entries have
 * no id, so a scan's id is the tracker id, the scan time and the status: redelivered history adds nothing.
 */
public final class EasyPostTrackerEvents {

    private static final VendorPayload PAYLOAD = new VendorPayload("Not an EasyPost tracker event", "tracker event");

    private EasyPostTrackerEvents() {
    }

    /** Empty for events that are not about a tracker; a 400 problem for a tracker event that cannot be read. */
    public static List<CarrierScan> scans(byte[] body) {
        JsonNode event;
        try {
            event = EventJson.mapper().readTree(body);
        } catch (IOException e) {
            throw PAYLOAD.malformed("body is not JSON: " + e.getMessage());
        }
        String description = event == null ? "" : event.path("description").asText();
        if (!description.startsWith("tracker.")) {
            return List.of();
        }
        JsonNode tracker = event.path("result");
        String trackerId = PAYLOAD.text(tracker, "id");
        String trackingCode = PAYLOAD.text(tracker, "tracking_code");
        List<CarrierScan> scans = new ArrayList<>();
        for (JsonNode detail : tracker.path("tracking_details")) {
            String status = PAYLOAD.text(detail, "status");
            Instant at = instant(PAYLOAD.text(detail, "datetime"));
            scans.add(new CarrierScan(trackerId + ":" + at + ":" + status, trackingCode, status, at,
                    VendorPayload.place(detail.path("tracking_location"), "city", "state", "country")));
        }
        return scans;
    }



    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw PAYLOAD.malformed("datetime '" + value + "' is not an ISO-8601 instant");
        }
    }

}
