package dev.postventa.returns.cancel;

import static dev.postventa.infra.Callers.anonymous;
import static dev.postventa.infra.Callers.asCustomerOf;
import static dev.postventa.infra.Callers.asOps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.EventCatalog;
import dev.postventa.events.EventJson;
import dev.postventa.events.Topics;
import dev.postventa.events.returns.ReturnCancelled;
import dev.postventa.events.returns.ReturnInTransit;
import dev.postventa.events.shipments.ReturnShipmentCreated;
import dev.postventa.events.shipments.ShipmentStatus;
import dev.postventa.events.shipments.ShipmentStatusChanged;
import dev.postventa.infra.Callers;
import dev.postventa.infra.KafkaTestClient;
import dev.postventa.infra.PostventaTestResource;
import dev.postventa.infra.TestTokens;
import dev.postventa.returns.Orders;
import dev.postventa.returns.ReturnsTestSupport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A customer cancels a return until the carrier picks it up; after that the scan wins, never both. */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "returns"))
class CancellationTest extends ReturnsTestSupport {

    @Test
    void aCustomerCancelsBeforePickupOnceTheUnitsMayBeReturnedAgainAndALaterScanIsANote() {
        String orderId = deliveredOrder();
        String returnId = approvedReturn(orderId);
        UUID shipment = UUID.randomUUID();
        send(shipment, new ReturnShipmentCreated(shipment, UUID.fromString(returnId), "RMA", "Estafeta",
                "TRK-" + shipment, "https://labels.example/l.pdf",
                new CustomerContact("cust-42", "ana@example.mx", "es-MX", "MX"), Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asOps().get("/returns/" + returnId).then()
                .body("trackingNumber", equalTo("TRK-" + shipment)));

        asCustomerOf(orderId).post("/returns/" + returnId + "/cancellation").then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        // Again: the same answer, nothing more happens.
        asCustomerOf(orderId).post("/returns/" + returnId + "/cancellation").then().statusCode(200)
                .body("status", equalTo("CANCELLED"));

        try (KafkaTestClient kafka = kafka()) {
            kafka.awaitRecords(Topics.RETURNS, r -> isA(r, returnId, ReturnCancelled.class), 1, Duration.ofSeconds(60));
            List<ConsumerRecord<String, byte[]>> cancelled = kafka.readAll(Topics.RETURNS,
                    r -> isA(r, returnId, ReturnCancelled.class), Duration.ofSeconds(2));
            assertThat(cancelled).singleElement().satisfies(r -> {
                ReturnCancelled event = EventJson.fromBytes(r.value(), ReturnCancelled.class);
                assertThat(event.trackingNumber()).isEqualTo("TRK-" + shipment);
                assertThat(event.rmaNumber()).startsWith("RMA-");
                assertThat(event.customer().email()).isEqualTo("ana@example.mx");
            });
        }
        // Both shirts were in the cancelled return: they may be returned again.
        postReturn(returnBody(orderId, Orders.SHIRT, 2, "CHANGED_MIND"), null).statusCode(201);

        // The carrier scans the voided label later: recorded, nothing moves, nothing is published.
        send(shipment, new ShipmentStatusChanged(shipment, UUID.fromString(returnId), "TRK-" + shipment,
                ShipmentStatus.IN_TRANSIT, null, "recolectado", "Monterrey", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asOps().get("/returns/" + returnId).then()
                .body("status", equalTo("CANCELLED"))
                .body("history.detail", hasItem("carrier scan IN_TRANSIT at Monterrey")));
        try (KafkaTestClient kafka = kafka()) {
            kafka.assertNoRecords(Topics.RETURNS, r -> isA(r, returnId, ReturnInTransit.class), Duration.ofSeconds(2));
        }
    }

    @Test
    void aReturnPickedUpByTheCarrierCannotBeCancelled() {
        String orderId = deliveredOrder();
        String returnId = approvedReturn(orderId);
        UUID shipment = UUID.randomUUID();
        send(shipment, scan(shipment, returnId));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asOps().get("/returns/" + returnId).then()
                .body("status", equalTo("IN_TRANSIT")));

        asCustomerOf(orderId).post("/returns/" + returnId + "/cancellation").then().statusCode(409)
                .contentType("application/problem+json")
                .body("title", equalTo("Return already picked up"));
        asOps().get("/returns/" + returnId).then().body("status", equalTo("IN_TRANSIT"));
    }

    @Test
    void onlyTheReturnsOwnerOrOperationsMayCancelIt() {
        String orderId = deliveredOrder();
        String returnId = approvedReturn(orderId);
        String path = "/returns/" + returnId + "/cancellation";

        anonymous().post(path).then().statusCode(401);
        // Another order's customer: answered as if the return did not exist.
        asCustomerOf(Orders.newOrderId()).post(path).then().statusCode(404);
        asCustomerOf(orderId).post("/returns/" + UUID.randomUUID() + "/cancellation").then().statusCode(404);
        asOps().get("/returns/" + returnId).then().body("status", equalTo("APPROVED"));

        asOps().post(path).then().statusCode(200).body("status", equalTo("CANCELLED"));
    }

    @Test
    void aCancellationRacingThePickupScanEitherCancelsOrIsRefusedNeverBoth() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Map<String, Class<?>> winners = new HashMap<>();
        Map<String, Class<?>> losers = new HashMap<>();
        // Round 0 sends both at the same moment (the HTTP call usually wins: the scan still has to be polled);
        // round 1 sends the cancellation once the broker holds the scan (the consumer may or may not have applied it).
        for (int round = 0; round < 2; round++) {
            String orderId = deliveredOrder();
            String returnId = approvedReturn(orderId);
            UUID shipment = UUID.randomUUID();
            HttpRequest cancel = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                            + "/returns/" + returnId + "/cancellation"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", Callers.bearer(TestTokens.customer(orderId)))
                    .POST(HttpRequest.BodyPublishers.noBody()).build();

            HttpResponse<String> answer;
            if (round == 0) {
                CyclicBarrier start = new CyclicBarrier(2);
                CompletableFuture<Void> scanned = CompletableFuture.runAsync(() -> {
                    arrive(start);
                    send(shipment, scan(shipment, returnId));
                });
                arrive(start);
                answer = http.send(cancel, HttpResponse.BodyHandlers.ofString());
                scanned.get(60, TimeUnit.SECONDS);
            } else {
                send(shipment, scan(shipment, returnId));
                answer = http.send(cancel, HttpResponse.BodyHandlers.ofString());
            }

            assertThat(answer.statusCode()).as(answer.body()).isIn(200, 409);
            boolean cancelled = answer.statusCode() == 200;
            // The scan is applied either way: as the move to IN_TRANSIT, or as a note on the cancelled return.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asOps().get("/returns/" + returnId).then()
                    .body("status", equalTo(cancelled ? "CANCELLED" : "IN_TRANSIT"))
                    .body("history.detail", hasItem("carrier scan IN_TRANSIT at Monterrey")));
            winners.put(returnId, cancelled ? ReturnCancelled.class : ReturnInTransit.class);
            losers.put(returnId, cancelled ? ReturnInTransit.class : ReturnCancelled.class);
        }
        try (KafkaTestClient kafka = kafka()) {
            kafka.awaitRecords(Topics.RETURNS, r -> winners.containsKey(r.key())
                    && isA(r, r.key(), winners.get(r.key())), winners.size(), Duration.ofSeconds(60));
            // Read once more after every winner arrived: a loser's event would have been committed before them.
            assertThat(kafka.readAll(Topics.RETURNS, r -> losers.containsKey(r.key())
                    && (isA(r, r.key(), losers.get(r.key())) || isA(r, r.key(), winners.get(r.key()))),
                    Duration.ofSeconds(2)))
                    .extracting(r -> r.key() + " " + KafkaTestClient.header(r, "ce_type"))
                    .containsExactlyInAnyOrderElementsOf(winners.entrySet().stream()
                            .map(e -> e.getKey() + " " + EventCatalog.typeOf(e.getValue())).toList());
        }
    }

    private static void arrive(CyclicBarrier start) {
        try {
            start.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String approvedReturn(String orderId) {
        return postReturn(returnBody(orderId, Orders.SHIRT, 2, "SIZE_TOO_SMALL"), null).statusCode(201)
                .body("status", equalTo("APPROVED")).extract().path("id");
    }

    private static ShipmentStatusChanged scan(UUID shipment, String returnId) {
        return new ShipmentStatusChanged(shipment, UUID.fromString(returnId), "TRK-" + shipment,
                ShipmentStatus.IN_TRANSIT, null, "recolectado", "Monterrey", Instant.now());
    }

    private static void send(UUID shipment, Object event) {
        try (KafkaTestClient kafka = kafka()) {
            kafka.sendCloudEvent(Topics.SHIPMENTS, shipment.toString(), UUID.randomUUID().toString(),
                    EventCatalog.typeOf(event.getClass()), "tracking-service", EventJson.toBytes(event));
        }
    }

    private static boolean isA(ConsumerRecord<String, byte[]> record, String returnId, Class<?> type) {
        return returnId.equals(record.key()) && EventCatalog.typeOf(type).equals(KafkaTestClient.header(record, "ce_type"));
    }
}
