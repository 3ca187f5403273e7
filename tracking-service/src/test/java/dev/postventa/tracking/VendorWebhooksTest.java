package dev.postventa.tracking;

import static dev.postventa.infra.Callers.asOps;
import static dev.postventa.tracking.ReturnShipmentsTest.shipmentFor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.postventa.events.EventCatalog;
import dev.postventa.events.EventJson;
import dev.postventa.events.Topics;
import dev.postventa.events.shipments.ShipmentStatus;
import dev.postventa.events.shipments.ShipmentStatusChanged;
import dev.postventa.infra.KafkaTestClient;
import dev.postventa.infra.PostventaTestResource;
import dev.postventa.infra.ServiceDatabase;
import dev.postventa.tracking.webhooks.aftership.AfterShipSignature;
import dev.postventa.tracking.webhooks.aftership.AfterShipWebhooksTest;
import dev.postventa.tracking.webhooks.shippo.ShippoSignature;
import dev.postventa.tracking.webhooks.shippo.ShippoWebhooksTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Shippo's and AfterShip's own webhooks, their real payloads signed with each vendor's scheme: verified scans join the
 * shipment's timeline with the normalised status and the raw body kept; forged and stale deliveries store nothing;
 * a replay answers 200 and changes nothing; a zone-less checkpoint time lands where the rule says; unknown words are
 * kept and counted.
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "tracking"))
class VendorWebhooksTest {

    static final String SHIPPO_SECRET = "shippo-test-secret";
    static final String AFTERSHIP_SECRET = "aftership-test-secret";

    @Test
    void aSignedShippoTrackUpdateDeliversTheShipmentOnceAndKeepsItsBody() throws Exception {
        UUID returnId = UUID.randomUUID();
        String tracking = shipmentFor(returnId);
        byte[] body = shippo(tracking);
        long t = Instant.now().getEpochSecond();

        postShippo(body, t, SHIPPO_SECRET).statusCode(202).body("recorded", equalTo(1));
        asOps().when().get("/shipments/" + tracking).then().statusCode(200)
                .body("status", equalTo("DELIVERED_TO_WAREHOUSE"))
                .body("timeline", hasSize(1))
                .body("timeline[0].carrierStatus", equalTo("DELIVERED"))
                .body("timeline[0].status", equalTo("DELIVERED_TO_WAREHOUSE"))
                .body("timeline[0].scannedAt", equalTo("2016-07-23T00:00:00Z"))
                .body("timeline[0].location", equalTo("Las Vegas, NV, US"));
        assertThat(ServiceDatabase.count("select count(*) from webhook_delivery where source = 'shippo' and body = ?",
                (Object) body)).isEqualTo(1);

        // The same delivery again, as it was and as Shippo retries it (re-signed with a new t): nothing changes.
        postShippo(body, t, SHIPPO_SECRET).statusCode(200).body("outcome", equalTo("duplicate"));
        postShippo(body, t + 1, SHIPPO_SECRET).statusCode(200).body("recorded", equalTo(0));
        asOps().when().get("/shipments/" + tracking).then().statusCode(200).body("timeline", hasSize(1));
        assertThat(ServiceDatabase.count("select count(*) from webhook_delivery where source = 'shippo' and body = ?",
                (Object) body)).isEqualTo(1);
        assertStatusChanges(returnId, List.of(ShipmentStatus.DELIVERED_TO_WAREHOUSE));
    }

    @Test
    void forgedAndStaleShippoDeliveriesAre401ProblemsAndStoreNothing() throws Exception {
        String tracking = shipmentFor(UUID.randomUUID());
        byte[] body = shippo(tracking);
        double forged = webhooks("shippo", "signature");
        double stale = webhooks("shippo", "stale");

        postShippo(body, Instant.now().getEpochSecond(), "somebody-elses-secret").statusCode(401)
                .contentType("application/problem+json");
        // Signed with our secret an hour ago: beyond the test profile's 10-minute tolerance.
        postShippo(body, Instant.now().getEpochSecond() - 3600, SHIPPO_SECRET).statusCode(401)
                .contentType("application/problem+json");
        given().contentType("application/json").body(body).when().post("/webhooks/shippo").then().statusCode(401)
                .contentType("application/problem+json");

        asOps().when().get("/shipments/" + tracking).then().statusCode(200)
                .body("status", equalTo("LABEL_CREATED")).body("timeline", hasSize(0));
        assertThat(ServiceDatabase.count("select count(*) from webhook_delivery where body = ?", (Object) body))
                .isZero();
        assertThat(webhooks("shippo", "signature")).isEqualTo(forged + 2);
        assertThat(webhooks("shippo", "stale")).isEqualTo(stale + 1);
    }

    @Test
    void aSignedAfterShipUpdateLandsAtTheOriginCountrysLocalTimeAndAReplayChangesNothing() throws Exception {
        UUID returnId = UUID.randomUUID();
        String tracking = shipmentFor(returnId);
        String eventId = UUID.randomUUID().toString();
        byte[] body = aftership(tracking, eventId, "InTransit");

        postAfterShip(body, AFTERSHIP_SECRET).statusCode(202).body("recorded", equalTo(1));
        // 2021-01-14T00:52:00 without zone or country; the return ships from MX: Mexico City, UTC-6.
        asOps().when().get("/shipments/" + tracking).then().statusCode(200)
                .body("status", equalTo("IN_TRANSIT"))
                .body("timeline", hasSize(1))
                .body("timeline[0].carrierStatus", equalTo("InTransit"))
                .body("timeline[0].status", equalTo("IN_TRANSIT"))
                .body("timeline[0].scannedAt", equalTo("2021-01-14T06:52:00Z"));
        assertThat(ServiceDatabase.count("select count(*) from webhook_delivery where source = 'aftership' "
                + "and delivery_id = ? and body = ?", eventId, body)).isEqualTo(1);

        // A replay of the event id (AfterShip signs no time): 200, nothing new, no second event.
        postAfterShip(body, AFTERSHIP_SECRET).statusCode(200).body("outcome", equalTo("duplicate"));
        // AfterShip's next update resends the known checkpoint under a new event id: a duplicate scan.
        postAfterShip(aftership(tracking, UUID.randomUUID().toString(), "InTransit"), AFTERSHIP_SECRET)
                .statusCode(200).body("duplicates", equalTo(1));
        asOps().when().get("/shipments/" + tracking).then().statusCode(200).body("timeline", hasSize(1));
        assertStatusChanges(returnId, List.of(ShipmentStatus.IN_TRANSIT));
    }

    @Test
    void forgedAfterShipUpdatesAndUnknownTrackingNumbersStoreNothing() throws Exception {
        String tracking = shipmentFor(UUID.randomUUID());
        String eventId = UUID.randomUUID().toString();
        byte[] body = aftership(tracking, eventId, "InTransit");

        postAfterShip(body, "somebody-elses-secret").statusCode(401).contentType("application/problem+json");
        given().contentType("application/json").body(body).when().post("/webhooks/aftership").then().statusCode(401)
                .contentType("application/problem+json");
        String otherEvent = UUID.randomUUID().toString();
        postAfterShip(aftership("SIMXX000000000000", otherEvent, "InTransit"), AFTERSHIP_SECRET).statusCode(404)
                .contentType("application/problem+json");

        asOps().when().get("/shipments/" + tracking).then().statusCode(200).body("timeline", hasSize(0));
        assertThat(ServiceDatabase.count("select count(*) from webhook_delivery where delivery_id in (?, ?)",
                eventId, otherEvent)).isZero();
    }

    @Test
    void unknownVendorWordsAreKeptInTheTimelineAndCounted() throws Exception {
        String tracking = shipmentFor(UUID.randomUUID());
        double shippoUnknown = unknownStatuses("shippo");
        double aftershipUnknown = unknownStatuses("aftership");
        byte[] shippo = new String(shippo(tracking), StandardCharsets.UTF_8)
                .replace("\"status\": \"DELIVERED\"", "\"status\": \"HELD_AT_CUSTOMS\"").getBytes(StandardCharsets.UTF_8);

        postShippo(shippo, Instant.now().getEpochSecond(), SHIPPO_SECRET).statusCode(202);
        postAfterShip(aftership(tracking, UUID.randomUUID().toString(), "CustomsHold"), AFTERSHIP_SECRET)
                .statusCode(202);

        asOps().when().get("/shipments/" + tracking).then().statusCode(200)
                .body("status", equalTo("LABEL_CREATED"))
                .body("timeline.carrierStatus", equalTo(List.of("HELD_AT_CUSTOMS", "CustomsHold")))
                .body("timeline[0].status", nullValue())
                .body("timeline[1].status", nullValue());
        assertThat(unknownStatuses("shippo")).isEqualTo(shippoUnknown + 1);
        assertThat(unknownStatuses("aftership")).isEqualTo(aftershipUnknown + 1);
    }

    /** Shippo's docs example (copied byte for byte) about {@code tracking}. */
    private static byte[] shippo(String tracking) throws Exception {
        return new String(ShippoWebhooksTest.fixture(), StandardCharsets.UTF_8)
                .replace("9205590164917312751089", tracking).getBytes(StandardCharsets.UTF_8);
    }

    /** AfterShip's sample (copied byte for byte) about {@code tracking}, as delivery {@code eventId}. */
    private static byte[] aftership(String tracking, String eventId, String tag) throws Exception {
        return new String(AfterShipWebhooksTest.fixture(), StandardCharsets.UTF_8)
                .replace("\"tracking_number\": \"0000000000000000\"", "\"tracking_number\": \"" + tracking + "\"")
                .replace("94dadd60-ed26-46d0-aa52-3ced925a50ff", eventId)
                .replace("\"tag\": \"InTransit\"", "\"tag\": \"" + tag + "\"")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static ValidatableResponse postShippo(byte[] body, long t, String secret) {
        return given().header(ShippoSignature.HEADER, "t=" + t + ",v1=" + ShippoSignature.sign(t, body, secret))
                .contentType("application/json").body(body).when().post("/webhooks/shippo").then();
    }

    private static ValidatableResponse postAfterShip(byte[] body, String secret) {
        return given().header(AfterShipSignature.HEADER, AfterShipSignature.sign(body, secret))
                .contentType("application/json").body(body).when().post("/webhooks/aftership").then();
    }

    private static double webhooks(String carrier, String reason) {
        return MetricsScrape.value("postventa_carrier_webhooks_total",
                Map.of("carrier", carrier, "outcome", "rejected", "reason", reason));
    }

    private static double unknownStatuses(String carrier) {
        return MetricsScrape.value("postventa_carrier_unknown_status_total", Map.of("carrier", carrier));
    }

    /** Exactly these ShipmentStatusChanged events of the return reach the topic (reading a few seconds more). */
    private static void assertStatusChanges(UUID returnId, List<ShipmentStatus> expected) {
        try (KafkaTestClient kafka = ServiceDatabase.kafka()) {
            kafka.awaitRecords(Topics.SHIPMENTS, r -> isStatusChangeOf(r, returnId), expected.size(),
                    Duration.ofSeconds(30));
            assertThat(kafka.readAll(Topics.SHIPMENTS, r -> isStatusChangeOf(r, returnId), Duration.ofSeconds(3))
                    .stream().map(r -> EventJson.fromBytes(r.value(), ShipmentStatusChanged.class).status()))
                    .containsExactlyElementsOf(expected);
        }
    }

    private static boolean isStatusChangeOf(ConsumerRecord<String, byte[]> record, UUID returnId) {
        return EventCatalog.typeOf(ShipmentStatusChanged.class).equals(KafkaTestClient.header(record, "ce_type"))
                && EventJson.fromBytes(record.value(), ShipmentStatusChanged.class).returnId().equals(returnId);
    }
}
