package dev.postventa.tracking.webhooks.aftership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postventa.events.shipments.ShipmentStatus;
import dev.postventa.support.problem.ProblemException;
import dev.postventa.tracking.shipment.CarrierStatuses;
import dev.postventa.tracking.webhooks.CarrierScan;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** AfterShip's signature scheme, its tracking_update payload, the checkpoint time-zone rule and its tags. */
public class AfterShipWebhooksTest {

    /** Computed apart from our code: {@code openssl dgst -sha256 -hmac aftership-test-secret -binary f | base64}. */
    static final String VECTOR = "+g/X6PlBTTWCxRoGXvzAxAlVFRbbxSa6hLYCdwRC0KQ=";

    public static byte[] fixture() throws IOException {
        try (InputStream in = AfterShipWebhooksTest.class.getResourceAsStream("/fixtures/aftership-tracking_update.json")) {
            return in.readAllBytes();
        }
    }

    @Test
    void signatureMatchesAnHmacComputedByOpenssl() throws IOException {
        byte[] body = fixture();
        assertThat(AfterShipSignature.sign(body, "aftership-test-secret")).isEqualTo(VECTOR);
        assertThat(AfterShipSignature.matches(body, VECTOR, List.of("aftership-test-secret"))).isTrue();
        assertThat(AfterShipSignature.matches(body, VECTOR, List.of("old", "aftership-test-secret"))).isTrue();
    }

    @Test
    void anythingElseIsRefused() throws IOException {
        byte[] body = fixture();
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("InTransit", "Delivered")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(AfterShipSignature.matches(tampered, VECTOR, List.of("aftership-test-secret"))).isFalse();
        assertThat(AfterShipSignature.matches(body, VECTOR, List.of("other"))).isFalse();
        assertThat(AfterShipSignature.matches(body, null, List.of("aftership-test-secret"))).isFalse();
        assertThat(AfterShipSignature.matches(body, "", List.of("aftership-test-secret"))).isFalse();
    }

    @Test
    void theSampleUpdateIsOneInTransitScanPlacedInTheOriginCountrysZone() throws IOException {
        AfterShipTrackingUpdates.Update update = AfterShipTrackingUpdates.read(fixture());

        assertThat(update.eventId()).isEqualTo("94dadd60-ed26-46d0-aa52-3ced925a50ff");
        assertThat(update.trackingNumber()).isEqualTo("0000000000000000");
        // No zone and no country on the checkpoint: the shipment's origin, Mexico City (UTC-6 in January).
        assertThat(update.scans("MX")).containsExactly(new CarrierScan(
                "usps:0000000000000000:2021-01-14T00:52:00:InTransit:InTransit_001", "0000000000000000", "InTransit",
                Instant.parse("2021-01-14T06:52:00Z"), null));
        assertThat(update.scans(null).get(0).scannedAt()).isEqualTo(Instant.parse("2021-01-14T00:52:00Z"));
    }

    @Test
    void checkpointTimesFollowTheDocumentedRule() {
        // 1. an offset in the text wins
        assertThat(CheckpointTimes.instantOf("2021-01-14T00:52:00+02:00", "MEX", "MX"))
                .isEqualTo(Instant.parse("2021-01-13T22:52:00Z"));
        // 2. the checkpoint's country, alpha-3 or alpha-2, over the origin
        assertThat(CheckpointTimes.instantOf("2021-01-14T00:52:00", "ESP", "MX"))
                .isEqualTo(Instant.parse("2021-01-13T23:52:00Z"));
        assertThat(CheckpointTimes.instantOf("2021-07-14T00:52:00", "es", "MX"))
                .isEqualTo(Instant.parse("2021-07-13T22:52:00Z"));
        assertThat(CheckpointTimes.instantOf("2021-01-14T00:52:00", "BRA", null))
                .isEqualTo(Instant.parse("2021-01-14T03:52:00Z"));
        // 3. a country we have no zone for falls back to the origin, 4. then to UTC
        assertThat(CheckpointTimes.instantOf("2021-01-14T00:52:00", "ATA", "MX"))
                .isEqualTo(Instant.parse("2021-01-14T06:52:00Z"));
        assertThat(CheckpointTimes.instantOf("2021-01-14T00:52:00", null, "ZZ"))
                .isEqualTo(Instant.parse("2021-01-14T00:52:00Z"));
    }

    @Test
    void aCheckpointCountryIsReadFromItsFieldsOrTheLocationsTrailingCode() {
        String body = update("""
                {"checkpoint_time":"2021-01-14T00:52:00","tag":"InTransit","country_iso3":"ESP"},
                {"checkpoint_time":"2021-01-14T01:52:00","tag":"InTransit","location":"Madrid, ES"},
                {"checkpoint_time":"2021-01-14T02:52:00","tag":"InTransit","location":"Somewhere"}""");
        List<CarrierScan> scans = AfterShipTrackingUpdates.read(body.getBytes(StandardCharsets.UTF_8)).scans("MX");
        assertThat(scans).extracting(CarrierScan::scannedAt).containsExactly(
                Instant.parse("2021-01-13T23:52:00Z"), Instant.parse("2021-01-14T00:52:00Z"),
                Instant.parse("2021-01-14T08:52:00Z"));
        assertThat(scans).extracting(CarrierScan::location).containsExactly("ESP", "Madrid, ES", "Somewhere");
    }

    @Test
    void brokenUpdatesAreRefusedAndOtherEventsIgnored() {
        assertThat(AfterShipTrackingUpdates.read("{\"event\":\"ping\"}".getBytes())).isNull();
        assertThatThrownBy(() -> AfterShipTrackingUpdates.read("{\"event\":\"tracking_update\",\"msg\":{}}"
                .getBytes())).isInstanceOf(ProblemException.class).hasMessageContaining("lacks");
        String badTime = update("{\"checkpoint_time\":\"yesterday\",\"tag\":\"InTransit\"}");
        assertThatThrownBy(() -> AfterShipTrackingUpdates.read(badTime.getBytes(StandardCharsets.UTF_8)).scans("MX"))
                .isInstanceOf(ProblemException.class).hasMessageContaining("checkpoint_time");
    }

    @Test
    void everyAfterShipTagMapsOntoTheVocabulary() {
        assertThat(CarrierStatuses.normalise("InfoReceived")).contains(ShipmentStatus.LABEL_CREATED);
        assertThat(CarrierStatuses.normalise("Pending")).contains(ShipmentStatus.LABEL_CREATED);
        assertThat(CarrierStatuses.normalise("InTransit")).contains(ShipmentStatus.IN_TRANSIT);
        assertThat(CarrierStatuses.normalise("OutForDelivery")).contains(ShipmentStatus.OUT_FOR_DELIVERY);
        assertThat(CarrierStatuses.normalise("AvailableForPickup")).contains(ShipmentStatus.OUT_FOR_DELIVERY);
        assertThat(CarrierStatuses.normalise("AttemptFail")).contains(ShipmentStatus.EXCEPTION);
        assertThat(CarrierStatuses.normalise("Exception")).contains(ShipmentStatus.EXCEPTION);
        assertThat(CarrierStatuses.normalise("Expired")).contains(ShipmentStatus.EXCEPTION);
        assertThat(CarrierStatuses.normalise("Delivered")).contains(ShipmentStatus.DELIVERED_TO_WAREHOUSE);
        assertThat(CarrierStatuses.normalise("CustomsHold")).isEmpty();
    }

    static String update(String checkpoints) {
        return """
                {"event":"tracking_update","event_id":"e-1","msg":{"slug":"dhl","tracking_number":"T1",\
                "checkpoints":[%s]}}""".formatted(checkpoints);
    }
}
