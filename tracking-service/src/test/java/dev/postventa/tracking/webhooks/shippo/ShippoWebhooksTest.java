package dev.postventa.tracking.webhooks.shippo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postventa.events.shipments.ShipmentStatus;
import dev.postventa.support.problem.ProblemException;
import dev.postventa.tracking.shipment.CarrierStatuses;
import dev.postventa.tracking.webhooks.CarrierScan;
import dev.postventa.tracking.webhooks.WebhookSignatures.StaleTimestamp;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Shippo's signature scheme, its track_updated payload (the docs' example) and its status vocabulary. */
public class ShippoWebhooksTest {

    static final long T = 1712741696L;
    /** Computed apart from our code: {@code (printf '1712741696.'; cat fixture) | openssl dgst -sha256 -hmac ...}. */
    static final String VECTOR = "87a31aadfb9f81c90c840f2106ed7e05adaec6909f6488b75681f35c2e527b41";
    static final Instant AT_T = Instant.ofEpochSecond(T);
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    public static byte[] fixture() throws IOException {
        try (InputStream in = ShippoWebhooksTest.class.getResourceAsStream("/fixtures/shippo-track_updated.json")) {
            return in.readAllBytes();
        }
    }

    @Test
    void signatureMatchesAnHmacComputedByOpenssl() throws IOException {
        byte[] body = fixture();
        assertThat(ShippoSignature.sign(T, body, "shippo-test-secret")).isEqualTo(VECTOR);
        assertThatCode(() -> ShippoSignature.verify(body, "t=" + T + ",v1=" + VECTOR, List.of("shippo-test-secret"),
                AT_T, TOLERANCE)).doesNotThrowAnyException();
        // During a rotation: any of our secrets, any of the v1 values, spaces and case as senders write them.
        assertThatCode(() -> ShippoSignature.verify(body, "t=" + T + ", v1=00ff, v1=" + VECTOR.toUpperCase(),
                List.of("old", "shippo-test-secret"), AT_T.plusSeconds(299), TOLERANCE)).doesNotThrowAnyException();
    }

    @Test
    void forgedTamperedOrMalformedSignaturesAreRefused() throws IOException {
        byte[] body = fixture();
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("DELIVERED", "TRANSIT")
                .getBytes(StandardCharsets.UTF_8);
        List<String> secrets = List.of("shippo-test-secret");

        for (String header : new String[] {null, "", VECTOR, "t=" + T, "v1=" + VECTOR, "t=-5,v1=" + VECTOR,
                "t=" + (T + 1) + ",v1=" + VECTOR}) {
            assertThatThrownBy(() -> ShippoSignature.verify(body, header, secrets, AT_T, TOLERANCE))
                    .isInstanceOf(ProblemException.class).isNotInstanceOf(StaleTimestamp.class)
                    .extracting(e -> ((ProblemException) e).status()).isEqualTo(401);
        }
        assertThatThrownBy(() -> ShippoSignature.verify(tampered, "t=" + T + ",v1=" + VECTOR, secrets, AT_T,
                TOLERANCE)).isInstanceOf(ProblemException.class).isNotInstanceOf(StaleTimestamp.class);
        assertThatThrownBy(() -> ShippoSignature.verify(body, "t=" + T + ",v1=" + VECTOR, List.of("other"), AT_T,
                TOLERANCE)).isInstanceOf(ProblemException.class).isNotInstanceOf(StaleTimestamp.class);
    }

    @Test
    void aGenuineSignatureOutsideTheToleranceIsStale() throws IOException {
        byte[] body = fixture();
        String header = "t=" + T + ",v1=" + VECTOR;
        assertThatThrownBy(() -> ShippoSignature.verify(body, header, List.of("shippo-test-secret"),
                AT_T.plusSeconds(301), TOLERANCE)).isInstanceOf(StaleTimestamp.class);
        assertThatThrownBy(() -> ShippoSignature.verify(body, header, List.of("shippo-test-secret"),
                AT_T.minusSeconds(301), TOLERANCE)).isInstanceOf(StaleTimestamp.class);
    }

    @Test
    void theDocsTrackUpdateIsOneDeliveredScanAtItsZonedStatusDate() throws IOException {
        ShippoTrackEvents.TrackUpdate update = ShippoTrackEvents.read(fixture());

        assertThat(update.trackingNumber()).isEqualTo("9205590164917312751089");
        // tracking_status repeats the history's last entry: one scan, not two.
        assertThat(update.scans()).containsExactly(new CarrierScan(
                "9205590164917312751089:2016-07-23T00:00:00Z:DELIVERED", "9205590164917312751089", "DELIVERED",
                Instant.parse("2016-07-23T00:00:00Z"), "Las Vegas, NV, US"));
    }

    @Test
    void anOffsetInTheStatusDateIsHonouredAndAMissingZoneIsRefused() {
        String offset = track("TRANSIT", null, "2026-11-20T10:15:00-06:00");
        assertThat(ShippoTrackEvents.read(offset.getBytes(StandardCharsets.UTF_8)).scans().get(0).scannedAt())
                .isEqualTo(Instant.parse("2026-11-20T16:15:00Z"));
        String local = track("TRANSIT", null, "2026-11-20T10:15:00");
        assertThatThrownBy(() -> ShippoTrackEvents.read(local.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ProblemException.class).hasMessageContaining("zone");
        assertThat(ShippoTrackEvents.read("{\"event\":\"transaction_created\"}".getBytes())).isNull();
        assertThatThrownBy(() -> ShippoTrackEvents.read("nope".getBytes())).isInstanceOf(ProblemException.class);
    }

    @Test
    void everyShippoStatusMapsOntoTheVocabulary() {
        assertThat(normalised("PRE_TRANSIT", null)).contains(ShipmentStatus.LABEL_CREATED);
        assertThat(normalised("UNKNOWN", null)).contains(ShipmentStatus.LABEL_CREATED);
        assertThat(normalised("TRANSIT", null)).contains(ShipmentStatus.IN_TRANSIT);
        assertThat(normalised("TRANSIT", "package_departed")).contains(ShipmentStatus.IN_TRANSIT);
        assertThat(normalised("TRANSIT", "out_for_delivery")).contains(ShipmentStatus.OUT_FOR_DELIVERY);
        assertThat(normalised("TRANSIT", "pickup_available")).contains(ShipmentStatus.OUT_FOR_DELIVERY);
        assertThat(normalised("TRANSIT", "delivery_attempted")).contains(ShipmentStatus.EXCEPTION);
        assertThat(normalised("DELIVERED", null)).contains(ShipmentStatus.DELIVERED_TO_WAREHOUSE);
        assertThat(normalised("DELIVERED", "information_received")).contains(ShipmentStatus.DELIVERED_TO_WAREHOUSE);
        assertThat(normalised("RETURNED", null)).contains(ShipmentStatus.EXCEPTION);
        assertThat(normalised("FAILURE", null)).contains(ShipmentStatus.EXCEPTION);
        assertThat(normalised("FAILURE", "package_lost")).contains(ShipmentStatus.EXCEPTION);
        assertThat(normalised("FAILURE", "package_damaged")).contains(ShipmentStatus.EXCEPTION);
        // The substatus is the recorded word when it says more, so the exception's kind can be told apart.
        assertThat(ShippoStatuses.wordOf("FAILURE", "package_damaged")).isEqualTo("package_damaged");
        assertThat(ShippoStatuses.wordOf("DELIVERED", "information_received")).isEqualTo("DELIVERED");
        assertThat(normalised("HELD_AT_CUSTOMS", null)).isEmpty();
    }

    private static Optional<ShipmentStatus> normalised(String status, String substatus) {
        return CarrierStatuses.normalise(ShippoStatuses.wordOf(status, substatus));
    }

    static String track(String status, String substatus, String statusDate) {
        String sub = substatus == null ? "null" : "{\"code\":\"" + substatus + "\"}";
        return """
                {"event":"track_updated","test":false,"data":{"tracking_number":"T1","tracking_status":\
                {"status":"%s","substatus":%s,"status_date":"%s","location":{"city":"Monterrey","country":"MX"}}}}"""
                .formatted(status, sub, statusDate);
    }
}
