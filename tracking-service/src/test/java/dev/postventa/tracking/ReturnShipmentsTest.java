package dev.postventa.tracking;

import static dev.postventa.infra.Callers.asOps;
import dev.postventa.events.EventCatalog;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.EventJson;
import dev.postventa.events.Money;
import dev.postventa.events.ReturnedLine;
import dev.postventa.events.Topics;
import dev.postventa.events.returns.ReturnApproved;
import dev.postventa.events.returns.ReturnCancelled;
import dev.postventa.events.shipments.ReturnShipmentCreated;
import dev.postventa.events.shipments.ShipmentStatus;
import dev.postventa.events.shipments.ShipmentStatusChanged;
import dev.postventa.infra.KafkaTestClient;
import dev.postventa.infra.PostventaTestResource;
import dev.postventa.infra.ServiceDatabase;
import dev.postventa.infra.WebhookSigner;
import dev.postventa.tracking.carriers.AnswerLosingCarrier;
import dev.postventa.tracking.carriers.SimulatedCarrier;
import dev.postventa.tracking.shipment.ApprovalFailingOnce;
import dev.postventa.tracking.shipment.CarrierLabels;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Approved returns get a return shipment and one carrier label, however often the approval or the carrier call is
 * tried; signed carrier scans move the shipment forward in scan-time order.
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "tracking"))
class ReturnShipmentsTest {

    @Inject
    SimulatedCarrier carrier;

    static final String SECRET = "whsec_cG9zdHZlbnRhLWxvY2FsLWRldi1zZWNyZXQtMQ==";
    static final String ROTATED_SECRET = "whsec_c2Vjb25kLXNlY3JldC1mb3Itcm90YXRpb24=";
    static final String SCANS = "/webhooks/carriers/simulated/scans";

    @Test
    void operationsEndpointsAreServed() {
        dev.postventa.infra.OperationsEndpoints.assertServed("/webhooks/carriers/{carrier}/scans");
    }

    @Test
    void anApprovedReturnGetsOneShipmentAndOneLabelEvenWhenApprovedAgain() {
        UUID returnId = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String otherEventId = UUID.randomUUID().toString();
        approve(returnId, eventId);
        approve(returnId, eventId);
        approve(returnId, otherEventId);

        try (KafkaTestClient kafka = ServiceDatabase.kafka()) {
            List<CloudEvent> created = awaitShipmentCreated(kafka, returnId);
            ReturnShipmentCreated shipment = payload(created.get(0), ReturnShipmentCreated.class);
            assertThat(created.get(0).getSubject()).isEqualTo(shipment.shipmentId().toString());
            assertThat(created.get(0).getSource().toString()).isEqualTo("tracking-service");
            assertThat(shipment.trackingNumber()).startsWith("SIMMX");
            assertThat(shipment.labelUrl()).endsWith(shipment.trackingNumber() + ".pdf");
            assertThat(shipment.customer().locale()).isEqualTo("es-MX");
            assertThat(shipment.rmaNumber()).isEqualTo("RMA-TEST-1");
            // Both approvals were handled (the redelivery of the first was skipped by the inbox) ...
            await().atMost(Duration.ofSeconds(30)).until(() -> ServiceDatabase.count(
                    "select count(*) from inbox_message where event_id in (?, ?)", eventId, otherEventId) == 2);
            // ... and the other one found the shipment: one shipment, one label, one announcement.
            assertNoSecondShipmentCreated(kafka, returnId);
        }
        assertThat(ServiceDatabase.count("select count(*) from shipment where return_id = ?", returnId)).isEqualTo(1);
        assertThat(ServiceDatabase.count("select count(*) from pending_effect where kind = 'carrier-label' "
                + "and effect_key = ? and status = 'DONE'", returnId.toString())).isEqualTo(1);
        assertThat(carrier.callsFor(CarrierLabels.keyOf(returnId))).isEqualTo(1);
        assertThat(carrier.labelsIssuedFor(CarrierLabels.keyOf(returnId))).isEqualTo(1);
        asOps().queryParam("returnId", returnId.toString()).when().get("/shipments").then()
                .statusCode(200).body("", hasSize(1)).body("[0].status", equalTo("LABEL_CREATED"))
                .body("[0].labelState", equalTo("CREATED"));
    }

    @Test
    void aGuestsApprovedReturnGetsItsLabel() {
        UUID returnId = UUID.randomUUID();
        approve(returnId, UUID.randomUUID().toString(),
                new CustomerContact(null, "invitado@example.mx", "es-MX", "MX"));

        try (KafkaTestClient kafka = ServiceDatabase.kafka()) {
            ReturnShipmentCreated shipment = payload(awaitShipmentCreated(kafka, returnId).get(0),
                    ReturnShipmentCreated.class);
            assertThat(shipment.trackingNumber()).startsWith("SIMMX");
            assertThat(shipment.customer().customerId()).isNull();
            assertThat(shipment.customer().email()).isEqualTo("invitado@example.mx");
            assertThat(shipment.customer().locale()).isEqualTo("es-MX");
        }
        assertThat(ServiceDatabase.count("select count(*) from shipment where return_id = ? and customer_id is null "
                + "and label_state = 'CREATED'", returnId)).isEqualTo(1);
    }

    @Test
    void aLabelIsRequestedOnceAlthoughTheApprovalsTransactionIsRetried() {
        UUID returnId = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        ApprovalFailingOnce.failOnceAfterScheduling(returnId);

        approve(returnId, eventId);

        try (KafkaTestClient kafka = ServiceDatabase.kafka()) {
            awaitShipmentCreated(kafka, returnId);
            assertNoSecondShipmentCreated(kafka, returnId);
        }
        // The first run of the inbox transaction stored the shipment and scheduled the label, then failed and was
        // rolled back; the inbox ran it again. The carrier was asked after the commit only, once.
        assertThat(ApprovalFailingOnce.failedFor(returnId)).isTrue();
        assertThat(ServiceDatabase.count("select count(*) from inbox_message where event_id = ?", eventId)).isEqualTo(1);
        assertThat(ServiceDatabase.count("select count(*) from shipment where return_id = ?", returnId)).isEqualTo(1);
        assertThat(ServiceDatabase.count("select count(*) from pending_effect where kind = 'carrier-label' "
                + "and effect_key = ? and attempts = 1 and status = 'DONE'", returnId.toString())).isEqualTo(1);
        assertThat(carrier.callsFor(CarrierLabels.keyOf(returnId))).isEqualTo(1);
        assertThat(carrier.labelsIssuedFor(CarrierLabels.keyOf(returnId))).isEqualTo(1);
    }

    @Test
    void aCarrierAnswerLostAfterTheLabelWasIssuedIsAskedForAgainWithTheSameKeyAndIssuesNoSecondLabel() {
        UUID returnId = UUID.randomUUID();
        String key = CarrierLabels.keyOf(returnId);
        AnswerLosingCarrier.loseAnswerOnce(key);

        approve(returnId, UUID.randomUUID().toString());

        ReturnShipmentCreated shipment;
        try (KafkaTestClient kafka = ServiceDatabase.kafka()) {
            shipment = payload(awaitShipmentCreated(kafka, returnId).get(0), ReturnShipmentCreated.class);
            assertNoSecondShipmentCreated(kafka, returnId);
        }
        assertThat(carrier.callsFor(key)).isEqualTo(2);
        assertThat(carrier.labelsIssuedFor(key)).isEqualTo(1);
        assertThat(ServiceDatabase.count("select count(*) from pending_effect where kind = 'carrier-label' "
                + "and effect_key = ? and attempts = 2 and status = 'DONE'", key)).isEqualTo(1);
        asOps().queryParam("returnId", returnId.toString()).when().get("/shipments").then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].id", equalTo(shipment.shipmentId().toString()))
                .body("[0].trackingNumber", equalTo(shipment.trackingNumber()))
                .body("[0].labelUrl", equalTo(shipment.labelUrl()))
                .body("[0].status", equalTo("LABEL_CREATED"));
    }

    @Test
    void aWorkerCrashAfterTheCarrierIssuedTheLabelIsRetriedWithTheSameKeyOnceTheLeaseRunsOut() {
        UUID returnId = UUID.randomUUID();
        String key = CarrierLabels.keyOf(returnId);
        String crash = "test_crash_" + returnId.toString().replace("-", "");
        // The real database refuses the first attempt to record this shipment's label: the outcome transaction (label
        // and ReturnShipmentCreated) rolls back after the carrier accepted, as if the worker had died at that moment.
        ServiceDatabase.execute("CREATE SEQUENCE " + crash);
        ServiceDatabase.execute("""
                CREATE FUNCTION %1$s() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.label_state = 'CREATED' AND nextval('%1$s') = 1 THEN
                        RAISE EXCEPTION 'test: the worker crashed before the label was recorded';
                    END IF;
                    RETURN NEW;
                END $$""".formatted(crash));
        ServiceDatabase.execute("CREATE TRIGGER %1$s BEFORE UPDATE ON shipment FOR EACH ROW WHEN (NEW.return_id = '%2$s')"
                .formatted(crash, returnId) + " EXECUTE FUNCTION " + crash + "()");
        try {
            approve(returnId, UUID.randomUUID().toString());

            ReturnShipmentCreated shipment;
            try (KafkaTestClient kafka = ServiceDatabase.kafka()) {
                shipment = payload(awaitShipmentCreated(kafka, returnId).get(0), ReturnShipmentCreated.class);
                assertNoSecondShipmentCreated(kafka, returnId);
            }
            assertThat(ServiceDatabase.count("select last_value from " + crash))
                    .as("the label was recorded twice: refused once, then stored").isEqualTo(2);
            assertThat(carrier.callsFor(key)).isEqualTo(2);
            assertThat(carrier.labelsIssuedFor(key)).isEqualTo(1);
            assertThat(ServiceDatabase.count("select count(*) from pending_effect where kind = 'carrier-label' "
                    + "and effect_key = ? and attempts = 2 and status = 'DONE'", key)).isEqualTo(1);
            asOps().queryParam("returnId", returnId.toString()).when().get("/shipments").then().statusCode(200)
                    .body("[0].trackingNumber", equalTo(shipment.trackingNumber()))
                    .body("[0].labelState", equalTo("CREATED"));
        } finally {
            ServiceDatabase.execute("DROP TRIGGER " + crash + " ON shipment");
            ServiceDatabase.execute("DROP FUNCTION " + crash + "()");
            ServiceDatabase.execute("DROP SEQUENCE " + crash);
        }
    }

    @Test
    void aLabelTheCarrierRefusesLeavesTheShipmentWithoutLabelAndAnnouncesNothing() {
        UUID returnId = UUID.randomUUID();

        approve(returnId, UUID.randomUUID().toString(), "Mexico");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asOps().queryParam("returnId", returnId.toString())
                .when().get("/shipments").then().statusCode(200)
                .body("[0].labelState", equalTo("FAILED"))
                .body("[0].labelError", containsString("Mexico"))
                .body("[0].trackingNumber", nullValue())
                .body("[0].status", nullValue()));
        assertThat(carrier.callsFor(CarrierLabels.keyOf(returnId))).isEqualTo(1);
        assertThat(carrier.labelsIssuedFor(CarrierLabels.keyOf(returnId))).isZero();
        assertThat(ServiceDatabase.count("select count(*) from pending_effect where kind = 'carrier-label' "
                + "and effect_key = ? and status = 'FAILED'", returnId.toString())).isEqualTo(1);
        try (KafkaTestClient kafka = ServiceDatabase.kafka()) {
            kafka.assertNoRecords(Topics.SHIPMENTS, r -> isShipmentCreatedFor(r, returnId), Duration.ofSeconds(2));
        }
    }

    @Test
    void aReturnTheCustomerKeepsGetsNoShipmentAndNoLabel() {
        UUID returnId = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        ReturnApproved kept = new ReturnApproved(returnId, "MX-1001", "RMA-TEST-1",
                new CustomerContact("cust-1", "ana@example.mx", "es-MX", "MX"),
                List.of(new ReturnedLine("L1", "SKU-SOCKS", "Calcetines", 1, Money.of("99.00", "MXN"), "NO_LONGER_NEEDED",
                        "accessories", ReturnedLine.REFUND, null, null, null, null, true)), Instant.now(), true);
        try (KafkaTestClient kafka = ServiceDatabase.kafka()) {
            kafka.sendCloudEvent(Topics.RETURNS, returnId.toString(), eventId, EventCatalog.typeOf(ReturnApproved.class),
                    "returns-service", EventJson.toBytes(kept));
            await().atMost(Duration.ofSeconds(30)).until(() -> ServiceDatabase.count(
                    "select count(*) from inbox_message where event_id = ?", eventId) == 1);
            kafka.assertNoRecords(Topics.SHIPMENTS, r -> isShipmentCreatedFor(r, returnId), Duration.ofSeconds(2));
        }
        assertThat(ServiceDatabase.count("select count(*) from shipment where return_id = ?", returnId)).isZero();
        assertThat(ServiceDatabase.count("select count(*) from pending_effect where effect_key = ?",
                returnId.toString())).isZero();
        assertThat(carrier.callsFor(CarrierLabels.keyOf(returnId))).isZero();
        asOps().queryParam("returnId", returnId.toString()).when().get("/shipments").then()
                .statusCode(200).body("", hasSize(0));
    }

    @Test
    void aReturnCancelledAfterItsLabelHasTheLabelVoidedOnceAndALaterScanChangesNothing() {
        UUID returnId = UUID.randomUUID();
        String tracking = shipmentFor(returnId);
        String eventId = UUID.randomUUID().toString();

        cancel(returnId, eventId, tracking);
        cancel(returnId, eventId, tracking);
        cancel(returnId, UUID.randomUUID().toString(), tracking);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asOps().when().get("/shipments/" + tracking)
                .then().statusCode(200).body("voidState", equalTo("VOIDED")));
        assertThat(carrier.isVoided(tracking)).isTrue();
        assertThat(carrier.voidRequestsFor(tracking)).isEqualTo(1);
        assertThat(ServiceDatabase.count("select count(*) from pending_effect where kind = 'carrier-label-void' "
                + "and effect_key = ? and status = 'DONE'", returnId.toString())).isEqualTo(1);

        // The customer drops the parcel anyway: the scan is recorded, the shipment stays where it was.
        post(scan("late-1", tracking, "picked_up", Instant.now(), "CDMX"), SECRET).statusCode(202)
                .body("outcome", equalTo("recorded"));
        asOps().when().get("/shipments/" + tracking).then().statusCode(200)
                .body("status", equalTo("LABEL_CREATED"))
                .body("labelState", equalTo("CREATED"))
                .body("cancelledAt", org.hamcrest.Matchers.notNullValue())
                .body("timeline.carrierEventId", equalTo(List.of("late-1")))
                .body("timeline[0].status", equalTo("IN_TRANSIT"));
        try (KafkaTestClient kafka = ServiceDatabase.kafka()) {
            kafka.assertNoRecords(Topics.SHIPMENTS, r -> EventCatalog.typeOf(ShipmentStatusChanged.class).equals(
                            KafkaTestClient.header(r, "ce_type"))
                            && EventJson.fromBytes(r.value(), ShipmentStatusChanged.class).returnId().equals(returnId),
                    Duration.ofSeconds(3));
        }
        assertThat(carrier.voidRequestsFor(tracking)).isEqualTo(1);
    }

    @Test
    void aReturnCancelledBeforeItsLabelWasMadeNeverGetsOne() {
        UUID returnId = UUID.randomUUID();
        String key = CarrierLabels.keyOf(returnId);
        AnswerLosingCarrier.unreachableFor(key);
        try {
            approve(returnId, UUID.randomUUID().toString());
            await().atMost(Duration.ofSeconds(30)).until(() -> ServiceDatabase.count("select count(*) from "
                    + "pending_effect where kind = 'carrier-label' and effect_key = ? and attempts >= 1 "
                    + "and status = 'PENDING'", key) == 1);
            cancel(returnId, UUID.randomUUID().toString(), null);
            await().atMost(Duration.ofSeconds(30)).until(() -> ServiceDatabase.count(
                    "select count(*) from shipment where return_id = ? and cancelled_at is not null", returnId) == 1);
        } finally {
            AnswerLosingCarrier.reachableFor(key);
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asOps().queryParam("returnId", returnId.toString())
                .when().get("/shipments").then().statusCode(200)
                .body("[0].labelState", equalTo("FAILED"))
                .body("[0].labelError", containsString("cancelled"))
                .body("[0].trackingNumber", nullValue())
                .body("[0].voidState", equalTo("NOT_NEEDED")));
        assertThat(carrier.callsFor(key)).isZero();
        assertThat(carrier.labelsIssuedFor(key)).isZero();
        try (KafkaTestClient kafka = ServiceDatabase.kafka()) {
            kafka.assertNoRecords(Topics.SHIPMENTS, r -> isShipmentCreatedFor(r, returnId), Duration.ofSeconds(2));
        }
    }

    @Test
    void aReturnCancelledWithoutAShipmentHasNothingToVoid() {
        UUID returnId = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        cancel(returnId, eventId, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> ServiceDatabase.count(
                "select count(*) from inbox_message where event_id = ?", eventId) == 1);
        assertThat(ServiceDatabase.count("select count(*) from shipment where return_id = ?", returnId)).isZero();
        assertThat(ServiceDatabase.count("select count(*) from pending_effect where effect_key = ?",
                returnId.toString())).isZero();
    }

    static void cancel(UUID returnId, String eventId, String trackingNumber) {
        ReturnCancelled cancelled = new ReturnCancelled(returnId, "MX-1001", "RMA-TEST-1", trackingNumber,
                new CustomerContact("cust-1", "ana@example.mx", "es-MX", "MX"), Instant.now());
        try (KafkaTestClient kafka = ServiceDatabase.kafka()) {
            kafka.sendCloudEvent(Topics.RETURNS, returnId.toString(), eventId,
                    EventCatalog.typeOf(ReturnCancelled.class), "returns-service", EventJson.toBytes(cancelled));
        }
    }

    @Test
    void shipmentsAreLookedUpByAReturnIdThatIsAUuid() {
        asOps().queryParam("returnId", "not-a-uuid").when().get("/shipments").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", equalTo(List.of("returnId")));
        asOps().when().get("/shipments").then().statusCode(400)
                .body("violations.message", equalTo(List.of("is required")));
        asOps().queryParam("returnId", UUID.randomUUID().toString()).when().get("/shipments").then()
                .statusCode(200).body("", hasSize(0));
        asOps().when().get("/shipments/SIMMX-NO-SUCH").then().statusCode(404);
    }

    @Test
    void signedScansMoveTheShipmentInScanTimeOrderAndRedeliveriesChangeNothing() {
        UUID returnId = UUID.randomUUID();
        String tracking = shipmentFor(returnId);
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);

        post(scan("e1", tracking, "picked_up", t0, "CDMX"), SECRET).statusCode(202).body("outcome", equalTo("recorded"));
        post(scan("e1", tracking, "picked_up", t0, "CDMX"), SECRET).statusCode(200).body("outcome", equalTo("duplicate"));
        post(scan("e3", tracking, "delivered", t0.plus(2, ChronoUnit.HOURS), "Almacén GDL"), SECRET).statusCode(202);
        // Arrives late but was scanned before delivery: kept in the timeline, never moves the shipment back.
        post(scan("e2", tracking, "in_transit", t0.plus(1, ChronoUnit.HOURS), "QRO"), SECRET).statusCode(202);

        asOps().when().get("/shipments/" + tracking).then().statusCode(200)
                .body("status", equalTo("DELIVERED_TO_WAREHOUSE"))
                .body("timeline.carrierEventId", equalTo(List.of("e1", "e2", "e3")))
                .body("timeline.status", equalTo(List.of("IN_TRANSIT", "IN_TRANSIT", "DELIVERED_TO_WAREHOUSE")));

        try (KafkaTestClient kafka = ServiceDatabase.kafka()) {
            List<ConsumerRecord<String, byte[]>> changes = kafka.awaitRecords(Topics.SHIPMENTS,
                    r -> EventCatalog.typeOf(ShipmentStatusChanged.class).equals(KafkaTestClient.header(r, "ce_type"))
                            && EventJson.fromBytes(r.value(), ShipmentStatusChanged.class).returnId().equals(returnId),
                    2, Duration.ofSeconds(30));
            assertThat(changes).extracting(r -> EventJson.fromBytes(r.value(), ShipmentStatusChanged.class).status())
                    .containsExactly(ShipmentStatus.IN_TRANSIT, ShipmentStatus.DELIVERED_TO_WAREHOUSE);
            kafka.assertNoRecords(Topics.SHIPMENTS, r -> EventCatalog.typeOf(ShipmentStatusChanged.class).equals(
                            KafkaTestClient.header(r, "ce_type"))
                            && EventJson.fromBytes(r.value(), ShipmentStatusChanged.class).returnId().equals(returnId)
                            && EventJson.fromBytes(r.value(), ShipmentStatusChanged.class).previousStatus()
                            == ShipmentStatus.DELIVERED_TO_WAREHOUSE,
                    Duration.ofSeconds(2));
        }
    }

    @Test
    void unsignedStaleOrMalformedWebhooksAreRefusedAndStoreNothing() {
        UUID returnId = UUID.randomUUID();
        String tracking = shipmentFor(returnId);
        String body = scan("bad-1", tracking, "in_transit", Instant.now(), "MTY");

        post(body, "whsec_d3Jvbmctc2VjcmV0LXdyb25nLXNlY3JldA==").statusCode(401)
                .contentType("application/problem+json").body("status", equalTo(401));
        given().body(body).contentType("application/json").when().post(SCANS).then().statusCode(401);
        var stale = new WebhookSigner(SECRET).headers(body, "msg-old", Instant.now().minus(11, ChronoUnit.MINUTES));
        given().headers(stale).body(body).contentType("application/json").when().post(SCANS).then().statusCode(401);
        var tampered = new WebhookSigner(SECRET).headers(body);
        given().headers(tampered).body(body.replace("MTY", "XXX")).contentType("application/json")
                .when().post(SCANS).then().statusCode(401);

        post("{\"trackingNumber\": ", SECRET).statusCode(400).contentType("application/problem+json");
        post("{\"eventId\": \"bad-2\", \"trackingNumber\": \"" + tracking + "\"}", SECRET).statusCode(400)
                .body("violations.field", equalTo(List.of("carrierStatus", "scannedAt")));
        post(body, SECRET, "/webhooks/carriers/unknown-carrier/scans").statusCode(404);

        assertThat(ServiceDatabase.count("select count(*) from scan s join shipment h on h.id = s.shipment_id "
                + "where h.return_id = ?", returnId)).isZero();

        // A rotated secret is accepted as well as the current one.
        post(body, ROTATED_SECRET).statusCode(202);
    }

    @Test
    void carrierWebhooksAreCountedByOutcomeAndReason() {
        String tracking = shipmentFor(UUID.randomUUID());
        double accepted = webhooks("accepted", "none");
        double duplicate = webhooks("duplicate", "none");
        double forged = webhooks("rejected", "signature");
        double stale = webhooks("rejected", "stale");
        double unknownShipment = webhooks("rejected", "unknown_shipment");
        String body = scan(UUID.randomUUID().toString(), tracking, "in_transit", Instant.now(), "MTY");

        post(body, SECRET).statusCode(202);
        post(body, SECRET).statusCode(200);
        post(scan(UUID.randomUUID().toString(), tracking, "in_transit", Instant.now(), "MTY"),
                "whsec_Zm9yZ2VkLWJ5LXNvbWVib2R5LWVsc2U=").statusCode(401);
        var old = new WebhookSigner(SECRET).headers(body, "msg-" + UUID.randomUUID(),
                Instant.now().minus(11, ChronoUnit.MINUTES));
        given().headers(old).body(body).contentType("application/json").when().post(SCANS).then().statusCode(401);
        post(scan(UUID.randomUUID().toString(), "SIMXX999999999999", "in_transit", Instant.now(), "MTY"), SECRET)
                .statusCode(404);

        assertThat(webhooks("accepted", "none")).isEqualTo(accepted + 1);
        assertThat(webhooks("duplicate", "none")).isEqualTo(duplicate + 1);
        assertThat(webhooks("rejected", "signature")).isEqualTo(forged + 1);
        assertThat(webhooks("rejected", "stale")).isEqualTo(stale + 1);
        assertThat(webhooks("rejected", "unknown_shipment")).isEqualTo(unknownShipment + 1);
    }

    private static double webhooks(String outcome, String reason) {
        return MetricsScrape.value("postventa_carrier_webhooks_total",
                Map.of("carrier", "simulated", "outcome", outcome, "reason", reason));
    }

    @Test
    void easyPostTrackerWebhooksAddTheirScansOnceToTheShipmentTimeline() throws Exception {
        UUID returnId = UUID.randomUUID();
        String tracking = shipmentFor(returnId);
        String body = new String(dev.postventa.tracking.webhooks.easypost.EasyPostWebhooksTest.fixtureWithoutFinalNewline(),
                java.nio.charset.StandardCharsets.UTF_8).replace("\"tracking_code\":\"1\"", "\"tracking_code\":\"" + tracking + "\"");
        String signature = "hmac-sha256-hex=" + dev.postventa.tracking.webhooks.easypost.EasyPostSignature.sign(
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8), "sécret");

        given().header("X-Hmac-Signature", signature).contentType("application/json").body(body)
                .when().post("/webhooks/easypost").then().statusCode(202).body("recorded", equalTo(7));
        given().header("X-Hmac-Signature", signature).contentType("application/json").body(body)
                .when().post("/webhooks/easypost").then().statusCode(202).body("recorded", equalTo(0))
                .body("duplicates", equalTo(7));
        given().header("X-Hmac-Signature", "hmac-sha256-hex=00").contentType("application/json").body(body)
                .when().post("/webhooks/easypost").then().statusCode(401).contentType("application/problem+json");

        // The 2024 scans are older than the label created today: our label time never hides them, they decide.
        asOps().when().get("/shipments/" + tracking).then().statusCode(200)
                .body("status", equalTo("IN_TRANSIT"))
                .body("statusAt", equalTo("2024-08-02T18:50:00Z"))
                .body("timeline", hasSize(7))
                .body("timeline[0].carrierStatus", equalTo("pre_transit"));
    }

    /** Approves a return and waits for its label: the shipment's tracking number. */
    static String shipmentFor(UUID returnId) {
        approve(returnId, UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> ServiceDatabase.count(
                "select count(*) from shipment where return_id = ? and label_state = 'CREATED'", returnId) == 1);
        return asOps().queryParam("returnId", returnId.toString()).when().get("/shipments").then()
                .statusCode(200).extract().path("[0].trackingNumber");
    }

    private static List<CloudEvent> awaitShipmentCreated(KafkaTestClient kafka, UUID returnId) {
        return kafka.awaitCloudEvents(Topics.SHIPMENTS,
                e -> e.getType().equals(EventCatalog.typeOf(ReturnShipmentCreated.class))
                        && payload(e, ReturnShipmentCreated.class).returnId().equals(returnId),
                1, Duration.ofSeconds(30));
    }

    /** Exactly one ReturnShipmentCreated of the return on the topic, reading it for a few seconds more. */
    private static void assertNoSecondShipmentCreated(KafkaTestClient kafka, UUID returnId) {
        assertThat(kafka.readAll(Topics.SHIPMENTS, r -> isShipmentCreatedFor(r, returnId), Duration.ofSeconds(3)))
                .hasSize(1);
    }

    private static boolean isShipmentCreatedFor(ConsumerRecord<String, byte[]> record, UUID returnId) {
        return EventCatalog.typeOf(ReturnShipmentCreated.class).equals(KafkaTestClient.header(record, "ce_type"))
                && EventJson.fromBytes(record.value(), ReturnShipmentCreated.class).returnId().equals(returnId);
    }

    static void approve(UUID returnId, String eventId) {
        approve(returnId, eventId, "MX");
    }

    static void approve(UUID returnId, String eventId, String country) {
        approve(returnId, eventId, new CustomerContact("cust-1", "ana@example.mx", "es-MX", country));
    }

    static void approve(UUID returnId, String eventId, CustomerContact customer) {
        ReturnApproved approved = new ReturnApproved(returnId, "MX-1001", "RMA-TEST-1", customer,
                List.of(new ReturnedLine("L1", "SKU-1", "Camisa", 1, Money.of("499.90", "MXN"), "DAMAGED")),
                Instant.now());
        try (KafkaTestClient kafka = ServiceDatabase.kafka()) {
            kafka.sendCloudEvent(Topics.RETURNS, returnId.toString(), eventId, EventCatalog.typeOf(ReturnApproved.class),
                    "returns-service", EventJson.toBytes(approved));
        }
    }

    static String scan(String eventId, String tracking, String status, Instant at, String location) {
        return """
                {"eventId": "%s", "trackingNumber": "%s", "carrierStatus": "%s", "scannedAt": "%s", "location": "%s"}"""
                .formatted(eventId, tracking, status, at, location);
    }

    static ValidatableResponse post(String body, String secret) {
        return post(body, secret, SCANS);
    }

    static ValidatableResponse post(String body, String secret, String path) {
        Map<String, String> headers = new WebhookSigner(secret).headers(body);
        return given().headers(headers).contentType("application/json").body(body).when().post(path).then();
    }

    private static <T> T payload(CloudEvent event, Class<T> type) {
        return EventJson.fromBytes(event.getData().toBytes(), type);
    }
}
