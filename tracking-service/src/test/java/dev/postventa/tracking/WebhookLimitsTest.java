package dev.postventa.tracking;

import static dev.postventa.tracking.ReturnShipmentsTest.SCANS;
import static dev.postventa.tracking.ReturnShipmentsTest.SECRET;
import static dev.postventa.tracking.ReturnShipmentsTest.post;
import static dev.postventa.tracking.ReturnShipmentsTest.scan;
import static dev.postventa.tracking.ReturnShipmentsTest.shipmentFor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.postventa.infra.PostventaTestResource;
import dev.postventa.infra.ServiceDatabase;
import dev.postventa.infra.WebhookSigner;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What a webhook caller cannot do: send absurd timestamps (401, not 500), replay outside the configured tolerance
 * (10 minutes in the test profile, more than the Standard Webhooks library's own 5), send bodies over the endpoint's
 * maximum (413) or string fields over their maximum length (400 naming each field). Nothing is stored for any of them.
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "tracking"))
class WebhookLimitsTest {

    static final int MAX_SCAN_BODY = 64 * 1024;

    @Test
    void absurdWebhookTimestampsAreRefusedAs401Problems() {
        String tracking = shipmentFor(UUID.randomUUID());
        String body = scan("absurd-ts", tracking, "in_transit", Instant.now(), "MTY");
        for (String timestamp : List.of("99999999999999999999", "9223372036854775807", "-9223372036854775808",
                "31556889864403200", "-1", "abc", "", " ", "1.7e9", "0x10", "+1")) {
            given().header("webhook-id", "msg-absurd").header("webhook-timestamp", timestamp)
                    .header("webhook-signature", "v1,AAAA").contentType("application/json").body(body)
                    .when().post(SCANS).then().statusCode(401).contentType("application/problem+json")
                    .body("status", equalTo(401)).body("detail", not(containsString("Exception")));
        }
        assertNoScan("absurd-ts");
    }

    @Test
    void theConfiguredToleranceIsHonouredBeyondTheLibrarysFiveMinutes() {
        String tracking = shipmentFor(UUID.randomUUID());
        Instant now = Instant.now();

        postSignedAt(scan("tol-past", tracking, "in_transit", now, "MTY"), now.minus(7, ChronoUnit.MINUTES))
                .statusCode(202);
        postSignedAt(scan("tol-ahead", tracking, "in_transit", now, "MTY"), now.plus(7, ChronoUnit.MINUTES))
                .statusCode(202);
        postSignedAt(scan("tol-stale", tracking, "in_transit", now, "MTY"), now.minus(11, ChronoUnit.MINUTES))
                .statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("10 minutes"));
        postSignedAt(scan("tol-early", tracking, "in_transit", now, "MTY"), now.plus(11, ChronoUnit.MINUTES))
                .statusCode(401);
        assertNoScan("tol-stale");
        assertNoScan("tol-early");
    }

    @Test
    void aScanBodyOverItsMaximumIs413AndOneAtTheMaximumIsTaken() {
        String tracking = shipmentFor(UUID.randomUUID());
        String scan = scan("big-1", tracking, "in_transit", Instant.now(), "MTY");
        // Valid JSON, valid fields: only the size is wrong (whitespace a carrier could pad with).
        String atMax = scan.replace("{", "{" + " ".repeat(MAX_SCAN_BODY - scan.length()));
        String overMax = scan.replace("big-1", "big-2").replace("{", "{" + " ".repeat(MAX_SCAN_BODY + 1 - scan.length()));
        assertThat(atMax).hasSize(MAX_SCAN_BODY);
        assertThat(overMax).hasSize(MAX_SCAN_BODY + 1);

        double tooLarge = MetricsScrape.value("postventa_carrier_webhooks_total",
                Map.of("carrier", "simulated", "outcome", "rejected", "reason", "too_large"));
        post(overMax, SECRET).statusCode(413).contentType("application/problem+json").body("status", equalTo(413))
                .body("detail", containsString("65536"));
        assertNoScan("big-2");
        // Refused by service-support's body limit before the endpoint ran, and still counted, once.
        assertThat(MetricsScrape.value("postventa_carrier_webhooks_total",
                Map.of("carrier", "simulated", "outcome", "rejected", "reason", "too_large"))).isEqualTo(tooLarge + 1);
        post(atMax, SECRET).statusCode(202);
    }

    @Test
    void everyStringFieldOfAScanHasAMaximumLength() {
        String tracking = shipmentFor(UUID.randomUUID());
        String body = """
                {"eventId": "%s", "trackingNumber": "%s", "carrierStatus": "%s", "scannedAt": "%s", "location": "%s"}"""
                .formatted("e".repeat(201), tracking + "9".repeat(100), "s".repeat(101), Instant.now(),
                        "l".repeat(201));

        post(body, SECRET).statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("carrierStatus", "eventId", "location", "trackingNumber")));
        String atMax = """
                {"eventId": "%s", "trackingNumber": "%s", "carrierStatus": "%s", "scannedAt": "%s", "location": "%s"}"""
                .formatted("m".repeat(200), tracking, "s".repeat(100), Instant.now(), "l".repeat(200));
        post(atMax, SECRET).statusCode(202);
        assertNoScan("e".repeat(201));
    }

    @Test
    void anEasyPostEventOverItsMaximumIs413AndItsScansObeyTheSameFieldLimits() throws Exception {
        String tracking = shipmentFor(UUID.randomUUID());
        String fixture = new String(dev.postventa.tracking.webhooks.easypost.EasyPostWebhooksTest
                .fixtureWithoutFinalNewline(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"tracking_code\":\"1\"", "\"tracking_code\":\"" + tracking + "\"");
        String tooLarge = fixture.replaceFirst("\\{", "{" + " ".repeat(1024 * 1024));
        easyPost(tooLarge).statusCode(413).contentType("application/problem+json");

        String longStatus = fixture.replace("\"status\":\"pre_transit\"", "\"status\":\"" + "x".repeat(101) + "\"");
        assertThat(longStatus).isNotEqualTo(fixture);
        easyPost(longStatus).statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("tracking_details[0].carrierStatus")));
        assertThat(ServiceDatabase.count("select count(*) from scan s join shipment h on h.id = s.shipment_id "
                + "where h.tracking_number = ?", tracking)).isZero();
    }

    private static io.restassured.response.ValidatableResponse easyPost(String body) throws Exception {
        String signature = "hmac-sha256-hex=" + dev.postventa.tracking.webhooks.easypost.EasyPostSignature.sign(
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8), "sécret");
        return given().header("X-Hmac-Signature", signature).contentType("application/json").body(body)
                .when().post("/webhooks/easypost").then();
    }

    private static io.restassured.response.ValidatableResponse postSignedAt(String body, Instant at) {
        Map<String, String> headers = new WebhookSigner(SECRET).headers(body, UUID.randomUUID().toString(), at);
        return given().headers(headers).contentType("application/json").body(body).when().post(SCANS).then();
    }

    private static void assertNoScan(String eventId) {
        assertThat(ServiceDatabase.count("select count(*) from scan where carrier_event_id = ?", eventId)).isZero();
    }
}
