package dev.postventa.returns.messaging;

import static dev.postventa.infra.Callers.asOps;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.EventCatalog;
import dev.postventa.events.EventJson;
import dev.postventa.events.Topics;
import dev.postventa.events.returns.ReturnInTransit;
import dev.postventa.events.returns.ReturnReceived;
import dev.postventa.events.shipments.ReturnShipmentCreated;
import dev.postventa.events.shipments.ShipmentStatus;
import dev.postventa.events.shipments.ShipmentStatusChanged;
import dev.postventa.infra.KafkaTestClient;
import dev.postventa.infra.PostventaTestResource;
import dev.postventa.returns.Orders;
import dev.postventa.returns.ReturnsTestSupport;
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

/** tracking-service's shipment events move a return along, once each, and never backwards. */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "returns"))
class ShipmentEventsConsumerTest extends ReturnsTestSupport {

    private static final CustomerContact ANA = new CustomerContact("cust-42", "ana@example.mx", "es-MX", "MX");

    @Test
    void aReturnFollowsItsShipmentToTheWarehouseAndPublishesEachStepOnce() {
        String returnId = approvedReturn();
        UUID id = UUID.fromString(returnId);
        UUID shipment = UUID.randomUUID();
        Instant labelAt = Instant.now().plusSeconds(1);

        send(shipment, UUID.randomUUID().toString(), new ReturnShipmentCreated(shipment, id, "RMA-X", "Estafeta",
                "TRK-" + shipment, "https://labels.example/l.pdf", ANA, labelAt));
        awaitReturn(returnId, "APPROVED", 3);
        asOps().when().get("/returns/" + returnId).then().statusCode(200)
                .body("trackingNumber", equalTo("TRK-" + shipment));

        String pickedUpId = UUID.randomUUID().toString();
        ShipmentStatusChanged pickedUp = scan(shipment, id, ShipmentStatus.IN_TRANSIT, labelAt.plusSeconds(3600));
        send(shipment, pickedUpId, pickedUp);
        awaitReturn(returnId, "IN_TRANSIT", 4);
        // The same event delivered again, then an older scan arriving late: neither moves the return nor publishes.
        send(shipment, pickedUpId, pickedUp);
        send(shipment, UUID.randomUUID().toString(), scan(shipment, id, ShipmentStatus.LABEL_CREATED, labelAt.plusSeconds(4000)));
        awaitReturn(returnId, "IN_TRANSIT", 5);

        send(shipment, UUID.randomUUID().toString(),
                scan(shipment, id, ShipmentStatus.DELIVERED_TO_WAREHOUSE, labelAt.plusSeconds(7200)));
        awaitReturn(returnId, "RECEIVED", 6);
        send(shipment, UUID.randomUUID().toString(), scan(shipment, id, ShipmentStatus.IN_TRANSIT, labelAt.plusSeconds(8000)));
        awaitReturn(returnId, "RECEIVED", 7);

        asOps().when().get("/returns/" + returnId).then().statusCode(200)
                .body("history.status", equalTo(List.of("REQUESTED", "APPROVED", "APPROVED", "IN_TRANSIT", "IN_TRANSIT",
                        "RECEIVED", "RECEIVED")));
        assertThat(count("select count(*) from inbox_message where event_id = ?", pickedUpId)).isEqualTo(1);

        try (KafkaTestClient kafka = kafka()) {
            String inTransit = EventCatalog.typeOf(ReturnInTransit.class);
            String received = EventCatalog.typeOf(ReturnReceived.class);
            kafka.awaitRecords(Topics.RETURNS, r -> returnId.equals(r.key()), 4, Duration.ofSeconds(60));
            List<ConsumerRecord<String, byte[]>> records = kafka.readAll(Topics.RETURNS, r -> returnId.equals(r.key()), Duration.ofSeconds(2));
            assertThat(records).extracting(r -> KafkaTestClient.header(r, "ce_type"))
                    .filteredOn(type -> type.equals(inTransit) || type.equals(received))
                    .containsExactly(inTransit, received);
            ReturnReceived payload = EventJson.fromBytes(records.stream()
                    .filter(r -> received.equals(KafkaTestClient.header(r, "ce_type"))).findFirst().orElseThrow()
                    .value(), ReturnReceived.class);
            assertThat(payload.lines()).singleElement().satisfies(line -> {
                assertThat(line.lineId()).isEqualTo(Orders.SHIRT);
                assertThat(line.unitPrice().amount()).hasToString("499.90");
            });
            assertThat(payload.receivedAt()).isEqualTo(labelAt.plusSeconds(7200));
        }
    }

    @Test
    void aShipmentOfAnUnknownReturnIsIgnoredAndTheNextEventIsProcessed() {
        UUID shipment = UUID.randomUUID();
        String unknownEvent = UUID.randomUUID().toString();
        send(shipment, unknownEvent, scan(shipment, UUID.randomUUID(), ShipmentStatus.IN_TRANSIT, Instant.now()));
        String returnId = approvedReturn();
        UUID next = UUID.randomUUID();
        send(next, UUID.randomUUID().toString(),
                scan(next, UUID.fromString(returnId), ShipmentStatus.IN_TRANSIT, Instant.now()));
        awaitReturn(returnId, "IN_TRANSIT", 3);
        assertThat(count("select count(*) from inbox_message where event_id = ?", unknownEvent)).isEqualTo(1);
    }

    private static String approvedReturn() {
        String orderId = Orders.newOrderId();
        Instant placed = Instant.now().minus(3, ChronoUnit.DAYS);
        publish(Orders.delivered(orderId, placed, placed.plus(1, ChronoUnit.DAYS)));
        awaitOrder(orderId, true);
        return postReturn(returnBody(orderId, Orders.SHIRT, 1, "DAMAGED"), null)
                .statusCode(201).body("status", equalTo("APPROVED")).extract().path("id");
    }

    private static ShipmentStatusChanged scan(UUID shipment, UUID returnId, ShipmentStatus status, Instant at) {
        return new ShipmentStatusChanged(shipment, returnId, "TRK-" + shipment, status, null, "carrier " + status,
                "Monterrey", at);
    }

    private static void send(UUID shipment, String eventId, Object event) {
        try (KafkaTestClient kafka = kafka()) {
            kafka.sendCloudEvent(Topics.SHIPMENTS, shipment.toString(), eventId,
                    EventCatalog.typeOf(event.getClass()),
                    "tracking-service", EventJson.toBytes(event));
        }
    }

    private static void awaitReturn(String returnId, String status, int historySteps) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asOps().when().get("/returns/" + returnId).then()
                .statusCode(200).body("status", equalTo(status)).body("history.size()", equalTo(historySteps)));
    }
}
