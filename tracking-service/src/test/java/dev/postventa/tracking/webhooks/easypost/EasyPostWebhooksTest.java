package dev.postventa.tracking.webhooks.easypost;

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
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** EasyPost's published signature test vector and its real tracker.updated payload. */
public class EasyPostWebhooksTest {

    public static byte[] fixtureWithoutFinalNewline() throws IOException {
        try (InputStream in = EasyPostWebhooksTest.class.getResourceAsStream("/fixtures/easypost-tracker.updated.json")) {
            byte[] bytes = in.readAllBytes();
            assertThat(bytes[bytes.length - 1]).isEqualTo((byte) '\n');
            return Arrays.copyOf(bytes, bytes.length - 1);
        }
    }

    @Test
    void signatureMatchesEasyPostsTestVector() throws IOException {
        byte[] body = fixtureWithoutFinalNewline();
        assertThat(body).hasSize(3550);
        String vector = "38f3f53c103713df81616a0a186d77141957323ec21d5fe9363db93840f527db";

        assertThat(EasyPostSignature.sign(body, "sécret")).isEqualTo(vector);
        assertThat(EasyPostSignature.matches(body, "hmac-sha256-hex=" + vector, List.of("sécret"))).isTrue();
        // The secret is NFKD-normalised: the decomposed spelling of é signs the same.
        assertThat(EasyPostSignature.matches(body, "hmac-sha256-hex=" + vector, List.of("se\u0301cret"))).isTrue();
        assertThat(EasyPostSignature.matches(body, "hmac-sha256-hex=" + vector, List.of("old", "sécret"))).isTrue();
    }

    @Test
    void anythingElseIsRefused() throws IOException {
        byte[] body = fixtureWithoutFinalNewline();
        String vector = "38f3f53c103713df81616a0a186d77141957323ec21d5fe9363db93840f527db";
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("ORLANDO", "ORLANDA")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(EasyPostSignature.matches(tampered, "hmac-sha256-hex=" + vector, List.of("sécret"))).isFalse();
        assertThat(EasyPostSignature.matches(body, "hmac-sha256-hex=" + vector, List.of("secret"))).isFalse();
        assertThat(EasyPostSignature.matches(body, vector, List.of("sécret"))).isFalse();
        assertThat(EasyPostSignature.matches(body, null, List.of("sécret"))).isFalse();
    }

    @Test
    void aTrackerUpdateBecomesOneCanonicalScanPerTrackingDetail() throws IOException {
        List<CarrierScan> scans = EasyPostTrackerEvents.scans(fixtureWithoutFinalNewline());

        assertThat(scans).hasSize(7).allSatisfy(scan -> assertThat(scan.trackingNumber()).isEqualTo("1"));
        assertThat(scans).extracting(CarrierScan::eventId).doesNotHaveDuplicates();
        assertThat(scans.get(0).carrierStatus()).isEqualTo("pre_transit");
        assertThat(scans.get(0).scannedAt()).isEqualTo(Instant.parse("2024-07-31T15:00:00Z"));
        assertThat(scans.get(1).location()).startsWith("ORLANDO");
        assertThat(scans).extracting(scan -> CarrierStatuses.normalise(scan.carrierStatus()).orElseThrow())
                .containsExactly(ShipmentStatus.LABEL_CREATED, ShipmentStatus.IN_TRANSIT, ShipmentStatus.IN_TRANSIT,
                        ShipmentStatus.IN_TRANSIT, ShipmentStatus.IN_TRANSIT, ShipmentStatus.IN_TRANSIT,
                        ShipmentStatus.IN_TRANSIT);
    }

    @Test
    void otherEventsAreIgnoredAndBrokenTrackersRefused() {
        assertThat(EasyPostTrackerEvents.scans("{\"description\":\"batch.created\"}".getBytes())).isEmpty();
        assertThatThrownBy(() -> EasyPostTrackerEvents.scans("{\"description\":\"tracker.updated\",\"result\":{}}"
                .getBytes())).isInstanceOf(ProblemException.class).hasMessageContaining("lacks id");
        assertThatThrownBy(() -> EasyPostTrackerEvents.scans("not json".getBytes()))
                .isInstanceOf(ProblemException.class);
    }
}
