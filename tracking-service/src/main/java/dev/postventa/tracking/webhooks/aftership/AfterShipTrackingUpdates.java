package dev.postventa.tracking.webhooks.aftership;

import com.fasterxml.jackson.databind.JsonNode;
import dev.postventa.events.EventJson;
import dev.postventa.tracking.webhooks.CarrierScan;
import dev.postventa.tracking.webhooks.VendorPayload;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads an AfterShip {@code tracking_update} webhook ({@code event_id}, {@code msg} = the Tracking with its
 * {@code checkpoints}) into canonical scans, one per checkpoint, its {@code tag} as the carrier word. AfterShip
 * resends every checkpoint and checkpoints have no id, so a scan's id is courier slug + tracking number + local
 * checkpoint time + tag + subtag: a checkpoint seen before is a duplicate. Checkpoint times have no zone: see
 * {@link CheckpointTimes} for how they become instants.
 */
public final class AfterShipTrackingUpdates {

    private static final VendorPayload PAYLOAD =
            new VendorPayload("Not an AfterShip tracking_update", "tracking_update");

    /** One checkpoint as AfterShip sent it. */
    public record Checkpoint(String time, String country, String location, String tag, String subtag) {
    }

    /** A {@code tracking_update} delivery. */
    public record Update(String eventId, String slug, String trackingNumber, List<Checkpoint> checkpoints) {

        /** The checkpoints as canonical scans, times placed with the shipment's {@code originCountry} as fallback. */
        public List<CarrierScan> scans(String originCountry) {
            Map<String, CarrierScan> scans = new LinkedHashMap<>();
            for (Checkpoint checkpoint : checkpoints) {
                Instant at;
                try {
                    at = CheckpointTimes.instantOf(checkpoint.time(), checkpoint.country(), originCountry);
                } catch (DateTimeException e) {
                    throw PAYLOAD.malformed(
                            "checkpoint_time '" + checkpoint.time() + "' is not an ISO-8601 date-time");
                }
                String id = String.join(":", slug, trackingNumber, checkpoint.time(), checkpoint.tag(),
                        checkpoint.subtag() == null ? "" : checkpoint.subtag());
                scans.putIfAbsent(id, new CarrierScan(id, trackingNumber, checkpoint.tag(), at, checkpoint.location()));
            }
            return List.copyOf(scans.values());
        }
    }

    private AfterShipTrackingUpdates() {
    }

    /** Null for other event types (acknowledged, ignored); a 400 problem for an update that cannot be read. */
    public static Update read(byte[] body) {
        JsonNode event;
        try {
            event = EventJson.mapper().readTree(body);
        } catch (IOException e) {
            throw PAYLOAD.malformed("body is not JSON: " + e.getMessage());
        }
        if (event == null || !"tracking_update".equals(event.path("event").asText())) {
            return null;
        }
        JsonNode msg = event.path("msg");
        List<Checkpoint> checkpoints = new ArrayList<>();
        for (JsonNode checkpoint : msg.path("checkpoints")) {
            String country = Stream.of("country_iso3", "country_region")
                    .map(field -> checkpoint.path(field).asText(""))
                    .filter(code -> !code.isBlank())
                    .findFirst().orElseGet(() -> trailingCode(checkpoint.path("location").asText("")));
            checkpoints.add(new Checkpoint(PAYLOAD.text(checkpoint, "checkpoint_time"), country,
                    location(checkpoint), PAYLOAD.text(checkpoint, "tag"), checkpoint.path("subtag").asText(null)));
        }
        return new Update(PAYLOAD.text(event, "event_id"), PAYLOAD.text(msg, "slug"),
                PAYLOAD.text(msg, "tracking_number"), checkpoints);
    }

    /** "Madrid, ES" or "São Paulo BRA" → the trailing 2- or 3-letter code, else null. */
    private static String trailingCode(String location) {
        String[] words = location.trim().split("[\\s,]+");
        String last = words[words.length - 1];
        return last.matches("[A-Za-z]{2,3}") && last.equals(last.toUpperCase()) ? last : null;
    }

    private static String location(JsonNode checkpoint) {
        String location = checkpoint.path("location").asText("");
        if (!location.isBlank()) {
            return location;
        }
        return VendorPayload.place(checkpoint, "city", "state", "country_iso3");
    }


}
