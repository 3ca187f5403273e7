package dev.postventa.tracking;

import static dev.postventa.infra.Callers.asOps;
import static dev.postventa.tracking.ReturnShipmentsTest.SECRET;
import static dev.postventa.tracking.ReturnShipmentsTest.post;
import static dev.postventa.tracking.ReturnShipmentsTest.scan;
import static dev.postventa.tracking.ReturnShipmentsTest.shipmentFor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.postventa.events.EventCatalog;
import dev.postventa.events.EventJson;
import dev.postventa.events.Topics;
import dev.postventa.events.shipments.ShipmentStatus;
import dev.postventa.events.shipments.ShipmentStatusChanged;
import dev.postventa.infra.KafkaTestClient;
import dev.postventa.infra.PostventaTestResource;
import dev.postventa.infra.ServiceDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A shipment's status follows its carrier scans whatever their times say about our clock: scans stamped before our
 * label, in the future, at equal times, or a delivery scanned before the pick-up all end in the right status, and the
 * delivery is published so the return completes.
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "tracking"))
class ScanOrderingTest {

    @Test
    void scansStampedHoursBeforeTheLabelWasCreatedMoveTheShipmentAndTheReturnCompletes() {
        UUID returnId = UUID.randomUUID();
        String tracking = shipmentFor(returnId);
        // A carrier reporting local time as UTC (Mexico City, UTC-6): its times are hours before our label.
        Instant early = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(6, ChronoUnit.HOURS);

        post(scan("early-1", tracking, "picked_up", early, "CDMX"), SECRET).statusCode(202);
        statusIs(tracking, "IN_TRANSIT");
        post(scan("early-2", tracking, "delivered", early.plus(2, ChronoUnit.HOURS), "Almacén"), SECRET).statusCode(202);
        statusIs(tracking, "DELIVERED_TO_WAREHOUSE");

        assertStatusChanges(returnId, List.of(ShipmentStatus.IN_TRANSIT, ShipmentStatus.DELIVERED_TO_WAREHOUSE));
    }

    @Test
    void aScanStampedInTheFutureIsKeptAndFlaggedButDoesNotHideLaterScans() {
        UUID returnId = UUID.randomUUID();
        String tracking = shipmentFor(returnId);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        post(scan("future-1", tracking, "picked_up", now.minus(1, ChronoUnit.HOURS), "CDMX"), SECRET).statusCode(202);
        // Three days ahead of our receipt: a broken carrier clock. Kept, flagged, not trusted for ordering.
        post(scan("future-2", tracking, "in_transit", now.plus(3, ChronoUnit.DAYS), "QRO"), SECRET).statusCode(202);
        post(scan("future-3", tracking, "out_for_delivery", now, "GDL"), SECRET).statusCode(202);
        statusIs(tracking, "OUT_FOR_DELIVERY");
        asOps().when().get("/shipments/" + tracking).then().statusCode(200)
                .body("timeline.carrierEventId", equalTo(List.of("future-1", "future-3", "future-2")))
                .body("timeline.futureDated", equalTo(List.of(false, false, true)));
        // A delivery is terminal whatever its time, even a future-dated one.
        post(scan("future-4", tracking, "delivered", now.plus(2, ChronoUnit.DAYS), "Almacén"), SECRET).statusCode(202);
        statusIs(tracking, "DELIVERED_TO_WAREHOUSE");

        assertStatusChanges(returnId, List.of(ShipmentStatus.IN_TRANSIT, ShipmentStatus.OUT_FOR_DELIVERY,
                ShipmentStatus.DELIVERED_TO_WAREHOUSE));
    }

    @Test
    void scansWithEqualTimesCountInTheOrderTheyWereReceived() {
        UUID returnId = UUID.randomUUID();
        String tracking = shipmentFor(returnId);
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(10, ChronoUnit.MINUTES);

        post(scan("same-1", tracking, "in_transit", at, "CDMX"), SECRET).statusCode(202);
        post(scan("same-2", tracking, "out_for_delivery", at, "CDMX"), SECRET).statusCode(202);
        statusIs(tracking, "OUT_FOR_DELIVERY");
        post(scan("same-3", tracking, "delivered", at, "Almacén"), SECRET).statusCode(202);
        statusIs(tracking, "DELIVERED_TO_WAREHOUSE");

        assertStatusChanges(returnId, List.of(ShipmentStatus.IN_TRANSIT, ShipmentStatus.OUT_FOR_DELIVERY,
                ShipmentStatus.DELIVERED_TO_WAREHOUSE));
    }

    @Test
    void aDeliveryScannedBeforeThePickUpStillDeliversAndNothingMovesItBack() {
        UUID returnId = UUID.randomUUID();
        String tracking = shipmentFor(returnId);
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(1, ChronoUnit.MINUTES);

        // The warehouse's scanner runs behind the pick-up driver's: delivered at +1h, picked up at +2h.
        post(scan("swap-1", tracking, "picked_up", at.plus(2, ChronoUnit.HOURS), "CDMX"), SECRET).statusCode(202);
        post(scan("swap-2", tracking, "delivered", at.plus(1, ChronoUnit.HOURS), "Almacén"), SECRET).statusCode(202);
        statusIs(tracking, "DELIVERED_TO_WAREHOUSE");
        post(scan("swap-3", tracking, "exception", at.plus(3, ChronoUnit.HOURS), "CDMX"), SECRET).statusCode(202);
        statusIs(tracking, "DELIVERED_TO_WAREHOUSE");

        assertStatusChanges(returnId, List.of(ShipmentStatus.IN_TRANSIT, ShipmentStatus.DELIVERED_TO_WAREHOUSE));
    }

    private static void statusIs(String tracking, String status) {
        asOps().when().get("/shipments/" + tracking).then().statusCode(200).body("status", equalTo(status));
    }

    /** Exactly these ShipmentStatusChanged events of the return reach the topic, in order, none leaving DELIVERED. */
    private static void assertStatusChanges(UUID returnId, List<ShipmentStatus> expected) {
        try (KafkaTestClient kafka = ServiceDatabase.kafka()) {
            kafka.awaitRecords(Topics.SHIPMENTS, r -> isStatusChangeOf(r, returnId), expected.size(),
                    Duration.ofSeconds(30));
            List<ShipmentStatusChanged> changes = kafka.readAll(Topics.SHIPMENTS, r -> isStatusChangeOf(r, returnId),
                    Duration.ofSeconds(3)).stream()
                    .map(r -> EventJson.fromBytes(r.value(), ShipmentStatusChanged.class)).toList();
            assertThat(changes).extracting(ShipmentStatusChanged::status).containsExactlyElementsOf(expected);
            assertThat(changes).extracting(ShipmentStatusChanged::previousStatus)
                    .doesNotContain(ShipmentStatus.DELIVERED_TO_WAREHOUSE);
            assertThat(changes.get(0).previousStatus()).isEqualTo(ShipmentStatus.LABEL_CREATED);
        }
    }

    private static boolean isStatusChangeOf(ConsumerRecord<String, byte[]> record, UUID returnId) {
        return EventCatalog.typeOf(ShipmentStatusChanged.class).equals(KafkaTestClient.header(record, "ce_type"))
                && EventJson.fromBytes(record.value(), ShipmentStatusChanged.class).returnId().equals(returnId);
    }
}
