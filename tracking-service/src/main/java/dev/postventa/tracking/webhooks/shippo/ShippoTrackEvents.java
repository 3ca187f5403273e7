package dev.postventa.tracking.webhooks.shippo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.postventa.events.EventJson;
import dev.postventa.tracking.webhooks.CarrierScan;
import dev.postventa.tracking.webhooks.VendorPayload;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Shippo {@code track_updated} webhook ({@code {event, test, data: Track}}) into canonical scans: every
 * entry of the Track's {@code tracking_history} and its {@code tracking_status}. Shippo's statuses carry no usable
 * event id (the docs' own example says {@code "string"}), so a scan's id is tracking number + status date + word, as
 * the vendor's sample suggests: the same status delivered again (or repeated in the history) is one scan.
 */
public final class ShippoTrackEvents {

    private static final VendorPayload PAYLOAD =
            new VendorPayload("Not a Shippo track_updated event", "track_updated event");

    /** A {@code track_updated} delivery: the tracking number and its scans, oldest history first. */
    public record TrackUpdate(String trackingNumber, List<CarrierScan> scans) {
    }

    private ShippoTrackEvents() {
    }

    /** Null for other event types (acknowledged, ignored); a 400 problem for a track event that cannot be read. */
    public static TrackUpdate read(byte[] body) {
        JsonNode event;
        try {
            event = EventJson.mapper().readTree(body);
        } catch (IOException e) {
            throw PAYLOAD.malformed("body is not JSON: " + e.getMessage());
        }
        if (event == null || !"track_updated".equals(event.path("event").asText())) {
            return null;
        }
        JsonNode track = event.path("data");
        String trackingNumber = PAYLOAD.text(track, "tracking_number");
        Map<String, CarrierScan> scans = new LinkedHashMap<>();
        List<JsonNode> statuses = new ArrayList<>();
        track.path("tracking_history").forEach(statuses::add);
        if (track.path("tracking_status").isObject()) {
            statuses.add(track.path("tracking_status"));
        }
        for (JsonNode status : statuses) {
            String word = ShippoStatuses.wordOf(PAYLOAD.text(status, "status"),
                    status.path("substatus").path("code").asText(null));
            Instant at = instant(PAYLOAD.text(status, "status_date"));
            String id = trackingNumber + ":" + at + ":" + word;
            scans.putIfAbsent(id, new CarrierScan(id, trackingNumber, word, at,
                    VendorPayload.place(status.path("location"), "city", "state", "country")));
        }
        return new TrackUpdate(trackingNumber, List.copyOf(scans.values()));
    }



    /** Shippo's status_date carries its zone ("...Z" or an offset): that zone is the truth, none is guessed. */
    private static Instant instant(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw PAYLOAD.malformed("status_date '" + value + "' is not an ISO-8601 time with a zone");
        }
    }

}
