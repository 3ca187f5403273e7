package dev.postventa.returns.inspection;

import static dev.postventa.infra.Callers.anonymous;
import static dev.postventa.infra.Callers.asCustomerOf;
import static dev.postventa.infra.Callers.asOps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.DomainEvent;
import dev.postventa.events.EventCatalog;
import dev.postventa.events.EventJson;
import dev.postventa.events.Money;
import dev.postventa.events.Topics;
import dev.postventa.events.returns.InspectedLine;
import dev.postventa.events.returns.ResolvedLine;
import dev.postventa.events.returns.ReturnApproved;
import dev.postventa.events.returns.ReturnInspected;
import dev.postventa.events.returns.ReturnReceived;
import dev.postventa.events.returns.ReturnResolved;
import dev.postventa.events.shipments.ShipmentStatus;
import dev.postventa.events.shipments.ShipmentStatusChanged;
import dev.postventa.events.storefront.OrderLine;
import dev.postventa.events.storefront.StorefrontOrder;
import dev.postventa.events.storefront.StorefrontOrderEvent;
import dev.postventa.infra.Callers;
import dev.postventa.infra.KafkaTestClient;
import dev.postventa.infra.ParallelRequests;
import dev.postventa.infra.PostventaTestResource;
import dev.postventa.infra.TestTokens;
import dev.postventa.returns.Orders;
import dev.postventa.returns.ReturnsTestSupport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Inspection and settlement on the real broker and database: accepted on receipt, inspected by the warehouse with a
 * partial acceptance and a restocking fee, kept by the customer. The test profile makes {@code apparel} and
 * {@code electronics} manual, charges 10 % on electronics and 15 % on DAMAGED, and keeps MXN lines under 150.
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "returns"))
class InspectionJourneyTest extends ReturnsTestSupport {

    private static final String PHONE = "E1";
    private static final String SNEAKERS = "F1";
    private static final String SOCKS = "C1";

    @Test
    void aReturnOfAutoAcceptedCategoriesIsAcceptedOnReceiptAndRefundedInFull() {
        String orderId = order();
        String returnId = approvedReturn(orderId, line(SNEAKERS, 1));

        deliverToWarehouse(returnId);

        awaitStatus(returnId, "RESOLVED");
        List<DomainEvent> events = events(returnId, 5);
        assertThat(events).extracting(e -> e.getClass().getSimpleName())
                .containsSubsequence("ReturnReceived", "ReturnInspected", "ReturnResolved");
        ReturnInspected inspected = only(events, ReturnInspected.class);
        assertThat(inspected.automatic()).isTrue();
        assertThat(inspected.lines()).singleElement().satisfies(l -> {
            assertThat(l.acceptedQuantity()).isEqualTo(1);
            assertThat(l.grade()).isEqualTo(InspectedLine.RESELLABLE);
            assertThat(l.restockingFee()).isEqualTo(Money.of("0.00", "MXN"));
        });
        ReturnResolved resolved = only(events, ReturnResolved.class);
        assertThat(resolved.refundAmount()).isEqualTo(Money.of("1299.00", "MXN"));
        assertThat(resolved.creditAmount()).isEqualTo(Money.of("0.00", "MXN"));
        assertThat(resolved.restockingFees()).isEqualTo(Money.of("0.00", "MXN"));
        assertThat(resolved.keptByCustomer()).isFalse();
    }

    @Test
    void aManualCategoryReturnWaitsForTheWarehouseWhichAcceptsPartOfItWithARestockingFee() {
        String orderId = order();
        String returnId = approvedReturn(orderId, line(PHONE, 2));
        deliverToWarehouse(returnId);
        // Accepted on receipt it would be RESOLVED in the same transaction: RECEIVED means it waits.
        awaitStatus(returnId, "RECEIVED");

        asOps().contentType(ContentType.JSON).body("""
                        {"lines": [{"lineId": "E1", "acceptedQuantity": 1, "grade": "DAMAGED",
                                    "note": "one phone arrived with a cracked screen"}]}""")
                .post("/returns/" + returnId + "/inspection").then().statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("resolution.refundAmount.amount", equalTo("850.00"));

        // The customer sees what was accepted, why, and what is paid back. The larger fee applies: 15 % DAMAGED
        // over 10 % electronics, of the one phone accepted.
        asCustomerOf(orderId).get("/returns/" + returnId).then().statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("inspection[0].expectedQuantity", equalTo(2))
                .body("inspection[0].acceptedQuantity", equalTo(1))
                .body("inspection[0].grade", equalTo("DAMAGED"))
                .body("inspection[0].note", equalTo("one phone arrived with a cracked screen"))
                .body("resolution.lines[0].restockingFee.amount", equalTo("150.00"))
                .body("resolution.refundAmount.amount", equalTo("850.00"))
                .body("history.status", hasItems("RECEIVED", "RESOLVED"));

        List<DomainEvent> events = events(returnId, 5);
        ReturnInspected inspected = only(events, ReturnInspected.class);
        assertThat(inspected.automatic()).isFalse();
        assertThat(inspected.partial()).isTrue();
        assertThat(inspected.lines()).containsExactly(new InspectedLine(PHONE, "SKU-PHONE", "Teléfono", 2, 1,
                InspectedLine.DAMAGED, "one phone arrived with a cracked screen", Money.of("150.00", "MXN")));
        ReturnResolved resolved = only(events, ReturnResolved.class);
        assertThat(resolved.lines()).containsExactly(new ResolvedLine(PHONE, "SKU-PHONE", "Teléfono", 1,
                Money.of("1000.00", "MXN"), "REFUND", null, Money.of("150.00", "MXN"), Money.of("850.00", "MXN"),
                "REFUND"));
        assertThat(resolved.refundAmount()).isEqualTo(Money.of("850.00", "MXN"));
        assertThat(resolved.restockingFees()).isEqualTo(Money.of("150.00", "MXN"));
    }

    @Test
    void anInspectionIsRefusedFieldByFieldThenTwoAtOnceSettleTheReturnOnce() throws Exception {
        String orderId = order();
        String returnId = approvedReturn(orderId, line(PHONE, 1) + ", " + line(SNEAKERS, 1));
        String path = "/returns/" + returnId + "/inspection";
        String valid = """
                {"lines": [{"lineId": "E1", "acceptedQuantity": 1, "grade": "RESELLABLE"},
                           {"lineId": "F1", "acceptedQuantity": 1, "grade": "RESELLABLE"}]}""";

        anonymous().contentType(ContentType.JSON).body(valid).post(path).then().statusCode(401);
        asCustomerOf(orderId).contentType(ContentType.JSON).body(valid).post(path).then().statusCode(403);
        asOps().contentType(ContentType.JSON).body(valid).post("/returns/" + UUID.randomUUID() + "/inspection")
                .then().statusCode(404);
        // Not received yet: nothing to inspect.
        asOps().contentType(ContentType.JSON).body(valid).post(path).then().statusCode(409)
                .contentType("application/problem+json");

        deliverToWarehouse(returnId);
        awaitStatus(returnId, "RECEIVED");
        asOps().contentType(ContentType.JSON).body("""
                        {"lines": [{"lineId": "E1", "acceptedQuantity": 2, "grade": "SCRATCHED"},
                                   {"lineId": "X9", "acceptedQuantity": -1, "grade": "RESELLABLE"}]}""")
                .post(path).then().statusCode(422).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("lines[0].grade", "lines[0].acceptedQuantity",
                        "lines[1].lineId", "lines[1].acceptedQuantity", "lines")))
                .body("violations.message", hasItems("must be at most 1 (the units returned)",
                        "line X9 is not part of this return", "must not be negative",
                        "line F1 is not inspected: list every shipped line"));
        asOps().contentType(ContentType.JSON).body("{}").post(path).then().statusCode(422)
                .body("violations[0].field", equalTo("lines"));
        asOps().get("/returns/" + returnId).then().body("status", equalTo("RECEIVED"));

        HttpRequest inspection = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", Callers.bearer(TestTokens.ops()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(valid)).build();
        List<HttpResponse<String>> both = ParallelRequests.sendAtOnce(List.of(inspection, inspection));

        assertThat(both).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(200, 409);
        assertThat(both).filteredOn(r -> r.statusCode() == 409).singleElement()
                .satisfies(r -> assertThat(r.body()).contains("inspected and resolved already"));
        try (KafkaTestClient kafka = kafka()) {
            kafka.awaitRecords(Topics.RETURNS, r -> isA(r, returnId, ReturnResolved.class), 1, Duration.ofSeconds(60));
            List<ConsumerRecord<String, byte[]>> records = kafka.readAll(Topics.RETURNS,
                    r -> returnId.equals(r.key()), Duration.ofSeconds(2));
            assertThat(records).filteredOn(r -> isA(r, returnId, ReturnInspected.class)).hasSize(1);
            assertThat(records).filteredOn(r -> isA(r, returnId, ReturnResolved.class)).hasSize(1);
        }
    }

    @Test
    void aReturnOfItemsUnderTheThresholdIsKeptApprovedAndResolvedAtOnce() {
        String orderId = order();
        String returnId = postReturn(body(orderId, line(SOCKS, 3)), null).statusCode(201)
                .body("status", equalTo("RESOLVED"))
                .body("lines[0].kept", equalTo(true))
                .body("resolution.refundAmount.amount", equalTo("147.00"))
                .extract().path("id");

        List<DomainEvent> events = events(returnId, 3);
        assertThat(events).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("ReturnRequested", "ReturnApproved", "ReturnResolved");
        assertThat(only(events, ReturnApproved.class).keptByCustomer()).isTrue();
        ReturnResolved resolved = only(events, ReturnResolved.class);
        assertThat(resolved.keptByCustomer()).isTrue();
        assertThat(resolved.lines()).singleElement().satisfies(l -> assertThat(l.acceptedQuantity()).isEqualTo(3));
        assertThat(resolved.refundAmount()).isEqualTo(Money.of("147.00", "MXN"));
    }

    @Test
    void keptLinesOfAMixedReturnAreSettledInFullWithTheShippedOnes() {
        String orderId = order();
        String returnId = approvedReturn(orderId, line(SOCKS, 1) + ", " + line(SNEAKERS, 1));

        deliverToWarehouse(returnId);

        awaitStatus(returnId, "RESOLVED");
        List<DomainEvent> events = events(returnId, 5);
        assertThat(only(events, ReturnApproved.class).keptByCustomer()).isFalse();
        assertThat(only(events, ReturnInspected.class).lines()).extracting(InspectedLine::lineId)
                .containsExactly(SNEAKERS);
        ReturnResolved resolved = only(events, ReturnResolved.class);
        assertThat(resolved.lines()).extracting(ResolvedLine::lineId, ResolvedLine::acceptedQuantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SOCKS, 1),
                        org.assertj.core.groups.Tuple.tuple(SNEAKERS, 1));
        assertThat(resolved.refundAmount()).isEqualTo(Money.of("1348.00", "MXN"));
        assertThat(only(events, ReturnReceived.class).lines()).hasSize(2);
    }

    /** A delivered Mexican order: 2 phones (electronics, manual), 1 pair of sneakers, 3 pairs of socks (49 each). */
    private static String order() {
        String orderId = Orders.newOrderId();
        Instant placed = Instant.now().minus(4, ChronoUnit.DAYS);
        StorefrontOrder order = new StorefrontOrder(orderId, "cust-42", "ana@example.mx", "es-MX", "MX", "MXN", List.of(
                new OrderLine(PHONE, "SKU-PHONE", "Teléfono", "electronics", 2, Money.of("1000.00", "MXN"), false),
                new OrderLine(SNEAKERS, "SKU-SNK-27", "Tenis urbanos", "footwear", 1, Money.of("1299.00", "MXN"), false),
                new OrderLine(SOCKS, "SKU-SOCKS", "Calcetas", "accessories", 3, Money.of("49.00", "MXN"), false)),
                placed, placed.plus(1, ChronoUnit.DAYS), null);
        publish(new StorefrontOrderEvent(UUID.randomUUID().toString(), StorefrontOrderEvent.ORDER_DELIVERED,
                order.deliveredAt(), order));
        awaitOrder(orderId, true);
        return orderId;
    }

    private static String line(String lineId, int quantity) {
        return """
                {"lineId": "%s", "quantity": %d, "reason": "DEFECTIVE"}""".formatted(lineId, quantity);
    }

    private static String body(String orderId, String lines) {
        return """
                {"orderId": "%s", "lines": [%s]}""".formatted(orderId, lines);
    }

    private static String approvedReturn(String orderId, String lines) {
        return postReturn(body(orderId, lines), null).statusCode(201).body("status", equalTo("APPROVED"))
                .extract().path("id");
    }

    private static void deliverToWarehouse(String returnId) {
        UUID shipment = UUID.randomUUID();
        ShipmentStatusChanged delivered = new ShipmentStatusChanged(shipment, UUID.fromString(returnId),
                "TRK-" + shipment, ShipmentStatus.DELIVERED_TO_WAREHOUSE, null, "entregado", "CDMX", Instant.now());
        try (KafkaTestClient kafka = kafka()) {
            kafka.sendCloudEvent(Topics.SHIPMENTS, shipment.toString(), UUID.randomUUID().toString(),
                    EventCatalog.typeOf(ShipmentStatusChanged.class), "tracking-service", EventJson.toBytes(delivered));
        }
    }

    private static void awaitStatus(String returnId, String status) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asOps().get("/returns/" + returnId).then()
                .statusCode(200).body("status", equalTo(status)));
    }

    /** The return's events on its topic, in order, once at least {@code count} arrived. */
    private static List<DomainEvent> events(String returnId, int count) {
        try (KafkaTestClient kafka = kafka()) {
            kafka.awaitRecords(Topics.RETURNS, r -> returnId.equals(r.key()), count, Duration.ofSeconds(60));
            return kafka.readAll(Topics.RETURNS, r -> returnId.equals(r.key()), Duration.ofSeconds(2)).stream()
                    .map(r -> (DomainEvent) EventJson.fromBytes(r.value(),
                            EventCatalog.classOf(KafkaTestClient.header(r, "ce_type")).orElseThrow()))
                    .toList();
        }
    }

    private static <T> T only(List<DomainEvent> events, Class<T> type) {
        List<T> matching = events.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(matching).as(type.getSimpleName()).hasSize(1);
        return matching.get(0);
    }

    private static boolean isA(ConsumerRecord<String, byte[]> record, String returnId, Class<?> type) {
        return returnId.equals(record.key()) && EventCatalog.typeOf(type).equals(KafkaTestClient.header(record, "ce_type"));
    }
}
