package dev.postventa.tracking;

import static dev.postventa.infra.Callers.anonymous;
import static dev.postventa.infra.Callers.asCustomerOf;
import static dev.postventa.infra.Callers.asOps;
import static dev.postventa.tracking.ReturnShipmentsTest.SECRET;
import static dev.postventa.tracking.ReturnShipmentsTest.post;
import static dev.postventa.tracking.ReturnShipmentsTest.scan;
import static dev.postventa.tracking.ReturnShipmentsTest.shipmentFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.postventa.infra.PostventaTestResource;
import dev.postventa.infra.ServiceDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Operators see shipments that stopped moving for longer than the SLA of their status (label unused 7 days, no new
 * scan 72 hours; the default settings) in {@code GET /ops/kpis/shipments} and in {@code postventa_shipments_stalled}.
 * Shipments are created through the normal flow and then made old in the database: this test owns those rows.
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "tracking"))
class StalledShipmentsTest {

    private static final String GAUGE = "postventa_shipments_stalled";

    @Test
    void shipmentsWithoutMovementBeyondTheirSlaAreListedAndCountedUntilANewScanOrTheDelivery() {
        String unused = shipmentFor(UUID.randomUUID());
        UUID movingReturn = UUID.randomUUID();
        String moving = shipmentFor(movingReturn);
        String skewed = shipmentFor(UUID.randomUUID());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        post(scan(UUID.randomUUID().toString(), moving, "in_transit", now.minus(1, ChronoUnit.HOURS), "CDMX"), SECRET)
                .statusCode(202);
        // The carrier stamps its scan ten days back (a broken clock): we received it now, so it is not stalled.
        post(scan(UUID.randomUUID().toString(), skewed, "in_transit", now.minus(10, ChronoUnit.DAYS), "QRO"), SECRET)
                .statusCode(202);
        double labelBefore = stalled("LABEL_CREATED");
        double transitBefore = stalled("IN_TRANSIT");

        // A label created 8 days ago (over 7d) and never scanned; a parcel whose latest scan we received 4 days ago
        // (over 72h), although the carrier stamped it recent.
        Instant labelAt = now.minus(8, ChronoUnit.DAYS);
        Instant scanReceivedAt = now.minus(4, ChronoUnit.DAYS);
        ServiceDatabase.execute("update shipment set created_at = '%s' where tracking_number = '%s'"
                .formatted(labelAt, unused));
        Aging.labelMadeAt(unused, labelAt);
        ServiceDatabase.execute("update shipment set created_at = '%s' where tracking_number = '%s'"
                .formatted(now.minus(5, ChronoUnit.DAYS), moving));
        Aging.scansReceivedAt(moving, scanReceivedAt);

        LocalDate labelDay = LocalDate.ofInstant(labelAt, ZoneOffset.UTC);
        LocalDate movingDay = LocalDate.ofInstant(now.minus(5, ChronoUnit.DAYS), ZoneOffset.UTC);
        JsonPath both = kpis(labelDay, movingDay.plusDays(1));
        assertThat(both.getLong("created")).isEqualTo(2);
        assertThat(both.getLong("delivered")).isZero();
        assertThat(both.getLong("stalled")).isEqualTo(2);
        assertThat(both.getList("byCarrier")).isEqualTo(List.of(
                Map.of("key", "simulated", "created", 2, "delivered", 0, "stalled", 2)));
        // Oldest movement first, by our receipt time.
        assertThat(both.getList("stalledShipments.trackingNumber")).isEqualTo(List.of(unused, moving));
        assertThat(both.getList("stalledShipments.status")).isEqualTo(List.of("LABEL_CREATED", "IN_TRANSIT"));
        assertThat(both.getList("stalledShipments.returnId")).element(1).isEqualTo(movingReturn.toString());
        assertThat(both.getList("stalledShipments.lastMovementAt", String.class).stream().map(Instant::parse))
                .containsExactly(labelAt, scanReceivedAt);
        // At least the time we made it old, plus the seconds this test has run (bounded, not measured).
        assertThat(both.getLong("stalledShipments[0].stalledForSeconds"))
                .isBetween(Duration.ofDays(8).toSeconds(), Duration.ofDays(8).plusMinutes(10).toSeconds());

        JsonPath labelDayOnly = kpis(labelDay, labelDay.plusDays(1));
        assertThat(labelDayOnly.getLong("created")).isEqualTo(1);
        assertThat(labelDayOnly.getList("stalledShipments.trackingNumber")).isEqualTo(List.of(unused));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(stalled("LABEL_CREATED")).isEqualTo(labelBefore + 1);
            assertThat(stalled("IN_TRANSIT")).isEqualTo(transitBefore + 1);
        });

        // The unused label is picked up: received now, it is moving again.
        post(scan(UUID.randomUUID().toString(), unused, "picked_up", now, "GDL"), SECRET).statusCode(202);
        JsonPath afterPickUp = kpis(labelDay, movingDay.plusDays(1));
        assertThat(afterPickUp.getLong("stalled")).isEqualTo(1);
        assertThat(afterPickUp.getList("stalledShipments.trackingNumber")).isEqualTo(List.of(moving));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(stalled("LABEL_CREATED")).isEqualTo(labelBefore);
            assertThat(stalled("IN_TRANSIT")).isEqualTo(transitBefore + 1);
        });

        // Delivered to the warehouse is final: never stalled.
        post(scan(UUID.randomUUID().toString(), moving, "delivered", now, "Almacén"), SECRET).statusCode(202);
        JsonPath afterDelivery = kpis(labelDay, movingDay.plusDays(1));
        assertThat(afterDelivery.getLong("delivered")).isEqualTo(1);
        assertThat(afterDelivery.getLong("stalled")).isZero();
        assertThat(afterDelivery.getList("stalledShipments")).isEmpty();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(stalled("LABEL_CREATED")).isEqualTo(labelBefore);
            assertThat(stalled("IN_TRANSIT")).isEqualTo(transitBefore);
        });
    }

    @Test
    void theKpisAreForOperatorsAndTakeAValidRangeOfDays() {
        anonymous().when().get("/ops/kpis/shipments").then().statusCode(401);
        asCustomerOf("order-1").when().get("/ops/kpis/shipments").then().statusCode(403);
        asOps().queryParam("from", "2026-13-01").when().get("/ops/kpis/shipments").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("from"));
        asOps().queryParam("from", "2026-11-02").queryParam("to", "2026-11-01").when().get("/ops/kpis/shipments")
                .then().statusCode(422).contentType("application/problem+json");
        // Without a range: the last 30 days, today included.
        LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        asOps().when().get("/ops/kpis/shipments").then().statusCode(200)
                .body("to", equalTo(tomorrow.toString()))
                .body("from", equalTo(tomorrow.minusDays(30).toString()));
    }

    private static JsonPath kpis(LocalDate from, LocalDate to) {
        return asOps().queryParam("from", from.toString()).queryParam("to", to.toString())
                .when().get("/ops/kpis/shipments").then().statusCode(200).extract().jsonPath();
    }

    private static double stalled(String status) {
        return MetricsScrape.value(GAUGE, Map.of("carrier", "simulated", "status", status));
    }
}
