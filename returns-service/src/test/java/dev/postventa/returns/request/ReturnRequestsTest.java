package dev.postventa.returns.request;

import static dev.postventa.infra.Callers.asOps;
import dev.postventa.returns.Orders;
import dev.postventa.returns.ReturnsTestSupport;

import dev.postventa.events.EventCatalog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import dev.postventa.events.EventJson;
import dev.postventa.events.Money;
import dev.postventa.events.Topics;
import dev.postventa.events.returns.ReturnApproved;
import dev.postventa.events.returns.ReturnRequested;
import dev.postventa.infra.KafkaTestClient;
import dev.postventa.infra.PostventaTestResource;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A customer asks to return lines of a delivered order and the return is requested, approved and published. */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "returns"))
class ReturnRequestsTest extends ReturnsTestSupport {

    @Test
    void operationsEndpointsAreServed() {
        dev.postventa.infra.OperationsEndpoints.assertServed("/returns");
    }

    /** The AsyncAPI document of every topic is served beside OpenAPI, on the management interface only. */
    @Test
    void asyncApiDocumentIsServedOnTheManagementInterface() {
        for (String path : List.of("/q/asyncapi", "/q/asyncapi.json")) {
            dev.postventa.infra.Callers.management().when().get(path).then()
                    .statusCode(200)
                    .contentType(ContentType.JSON)
                    .body("asyncapi", equalTo("3.0.0"))
                    .body("channels.'postventa.returns'.address", equalTo(Topics.RETURNS))
                    .body("channels.'storefront.orders'.address", equalTo(Topics.STOREFRONT_ORDERS))
                    .body("operations.'returns-service.send.postventa.returns'.action", equalTo("send"))
                    .body("operations.'returns-service.receive.postventa.shipments'.action", equalTo("receive"))
                    .body("components.messages.'" + EventCatalog.typeOf(ReturnApproved.class) + "'.name",
                            equalTo(EventCatalog.typeOf(ReturnApproved.class)));
        }
        dev.postventa.infra.Callers.anonymous().when().get("/q/asyncapi").then().statusCode(404);
    }

    @Test
    void deliveredOrderReturnIsRequestedApprovedAndPublishedAsCloudEvents() {
        String orderId = Orders.newOrderId();
        Instant placed = Instant.now().minus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        publish(Orders.placed(orderId, placed));
        publish(Orders.delivered(orderId, placed, placed.plus(2, ChronoUnit.DAYS)));
        awaitOrder(orderId, true);

        String location = postReturn(returnBody(orderId, Orders.SHIRT, 2, "SIZE_TOO_SMALL"), null)
                .statusCode(201)
                .contentType(ContentType.JSON)
                .body("status", equalTo("APPROVED"))
                .body("rmaNumber", startsWith("RMA-"))
                .body("lines[0].unitPrice.amount", equalTo("499.90"))
                .body("history.status", equalTo(List.of("REQUESTED", "APPROVED")))
                .extract().header("Location");
        String returnId = URI.create(location).getPath().replace("/returns/", "");
        // Lines are jsonb arrays whose money keeps its decimal string, as the events carry it.
        assertThat(count("select count(*) from return_request where id = ?::uuid and jsonb_typeof(lines) = 'array' "
                + "and lines -> 0 -> 'unitPrice' ->> 'amount' = '499.90' "
                + "and jsonb_typeof(lines -> 0 -> 'unitPrice' -> 'amount') = 'string'", returnId)).isEqualTo(1);
        assertThat(count("select count(*) from order_snapshot where order_id = ? and jsonb_array_length(lines) = 3 "
                + "and jsonb_typeof(lines -> 1 -> 'unitPrice' -> 'amount') = 'string' "
                + "and lines -> 1 -> 'unitPrice' ->> 'amount' = '1299.00'", orderId)).isEqualTo(1);

        asOps().when().get("/returns/" + returnId).then()
                .statusCode(200)
                .body("id", equalTo(returnId))
                .body("orderId", equalTo(orderId))
                .body("history", hasSize(2));

        try (KafkaTestClient kafka = kafka()) {
            List<ConsumerRecord<String, byte[]>> records = kafka.awaitRecords(Topics.RETURNS,
                    r -> returnId.equals(r.key()), 2, Duration.ofSeconds(30));
            assertThat(records).extracting(r -> KafkaTestClient.header(r, "ce_type"))
                    .containsExactly(EventCatalog.typeOf(ReturnRequested.class), EventCatalog.typeOf(ReturnApproved.class));

            List<CloudEvent> events = kafka.awaitCloudEvents(Topics.RETURNS,
                    e -> returnId.equals(e.getSubject()), 2, Duration.ofSeconds(30));
            CloudEvent requested = events.get(0);
            assertThat(requested.getSpecVersion().toString()).isEqualTo("1.0");
            assertThat(requested.getSource().toString()).isEqualTo("returns-service");
            assertThat(requested.getType()).isEqualTo(EventCatalog.typeOf(ReturnRequested.class));
            assertThat(requested.getDataContentType()).isEqualTo("application/json");
            assertThat(requested.getTime()).isNotNull();
            assertThat(requested.getId()).isNotBlank().isNotEqualTo(events.get(1).getId());
            ReturnRequested requestedPayload = EventJson.fromBytes(requested.getData().toBytes(), ReturnRequested.class);
            assertThat(requestedPayload.orderId()).isEqualTo(orderId);
            assertThat(requestedPayload.customer().locale()).isEqualTo("es-MX");
            assertThat(requestedPayload.lines()).singleElement().satisfies(line -> {
                assertThat(line.quantity()).isEqualTo(2);
                assertThat(line.unitPrice()).isEqualTo(Money.of("499.90", "MXN"));
                assertThat(line.reason()).isEqualTo("SIZE_TOO_SMALL");
            });

            ReturnApproved approved = EventJson.fromBytes(events.get(1).getData().toBytes(), ReturnApproved.class);
            assertThat(approved.returnId().toString()).isEqualTo(returnId);
            assertThat(approved.rmaNumber()).startsWith("RMA-");
            // Ship by: the shirt's window (the shop's 30 days beat Mexico's 5 business days) closes at the end of
            // its last local day in Mexico City, plus the 7 days' grace (RETURN_SHIP_GRACE).
            ZoneId mexico = ZoneId.of("America/Mexico_City");
            LocalDate lastDay = placed.plus(2, ChronoUnit.DAYS).atZone(mexico).toLocalDate().plusDays(30);
            assertThat(approved.shipBy())
                    .isEqualTo(lastDay.plusDays(1).atStartOfDay(mexico).toInstant().plus(Duration.ofDays(7)));
            // The payload is the event's JSON, encoded once: a JSON object, not a string holding JSON.
            assertThat(new String(events.get(1).getData().toBytes())).startsWith("{");
        }
    }

    @Test
    void refusedRequestsExplainEveryFieldAsProblemJson() {
        String orderId = Orders.newOrderId();
        Instant placed = Instant.now().minus(3, ChronoUnit.DAYS);
        publish(Orders.placed(orderId, placed));
        publish(Orders.delivered(orderId, placed, placed.plus(1, ChronoUnit.DAYS)));
        awaitOrder(orderId, true);

        postReturn(returnBody("NO-SUCH-ORDER", Orders.SHIRT, 1, "DAMAGED"), null)
                .statusCode(422).contentType("application/problem+json")
                .body("status", equalTo(422))
                .body("violations[0].field", equalTo("orderId"));

        postReturn("""
                {"orderId": "%s", "lines": [
                  {"lineId": "L9", "quantity": 1, "reason": "DAMAGED"},
                  {"lineId": "%s", "quantity": 3, "reason": "DAMAGED"},
                  {"lineId": "%s", "quantity": 1, "reason": "CHANGED_MIND"}]}
                """.formatted(orderId, Orders.SHIRT, Orders.GIFT_CARD), null)
                .statusCode(422).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("lines[0].lineId", "lines[1].quantity", "lines[2].lineId")))
                .body("violations[0].message", equalTo("line L9 is not part of order " + orderId))
                .body("violations[2].message", equalTo("line L3 was sold as final sale and cannot be returned"));

        postReturn("""
                {"orderId": "", "lines": [{"lineId": "L1", "quantity": 0}]}
                """, null)
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("orderId"))
                .body("violations.field", hasItem("lines[0].quantity"))
                .body("violations.field", hasItem("lines[0].reason"));

        postReturn("""
                {"orderId": "%s", "lines": [{"lineId": "L1", "quantity": 1, "reason": "BORED"}]}
                """.formatted(orderId), null)
                .statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("lines[0].reason"));
    }

    @Test
    void earlierReturnsCountAgainstWhatWasBought() {
        String orderId = Orders.newOrderId();
        Instant placed = Instant.now().minus(3, ChronoUnit.DAYS);
        publish(Orders.delivered(orderId, placed, placed.plus(1, ChronoUnit.DAYS)));
        awaitOrder(orderId, true);

        postReturn(returnBody(orderId, Orders.SHIRT, 1, "DAMAGED"), null).statusCode(201);
        postReturn(returnBody(orderId, Orders.SHIRT, 2, "DAMAGED"), null)
                .statusCode(422)
                .body("violations[0].field", equalTo("lines[0].quantity"))
                .body("violations[0].message", equalTo("at most 1 can be returned (bought 2, already returned 1)"));
        postReturn(returnBody(orderId, Orders.SHIRT, 1, "DAMAGED"), null).statusCode(201);
    }

    @Test
    void ordersNotDeliveredOrOutsideTheWindowCannotBeReturned() {
        String undelivered = Orders.newOrderId();
        publish(Orders.placed(undelivered, Instant.now().minus(1, ChronoUnit.DAYS)));
        awaitOrder(undelivered, false);
        postReturn(returnBody(undelivered, Orders.SHIRT, 1, "DAMAGED"), null)
                .statusCode(422)
                .body("violations[0].field", equalTo("orderId"))
                .body("violations[0].message", equalTo("order has not been delivered yet"));

        String old = Orders.newOrderId();
        Instant placed = Instant.now().minus(45, ChronoUnit.DAYS);
        publish(Orders.delivered(old, placed, placed.plus(4, ChronoUnit.DAYS)));
        awaitOrder(old, true);
        postReturn(returnBody(old, Orders.SHIRT, 1, "DAMAGED"), null)
                .statusCode(422)
                .body("violations[0].field", equalTo("lines[0].lineId"))
                .body("violations[0].message", startsWith("the shop's return window (30 days from delivery) closed on "));
    }

    @Test
    void retriedRequestWithTheSameIdempotencyKeyReturnsTheFirstReturn() {
        String orderId = Orders.newOrderId();
        Instant placed = Instant.now().minus(3, ChronoUnit.DAYS);
        publish(Orders.delivered(orderId, placed, placed.plus(1, ChronoUnit.DAYS)));
        awaitOrder(orderId, true);
        String key = "retry-" + orderId;
        String body = returnBody(orderId, Orders.SNEAKERS, 1, "DEFECTIVE");

        String first = postReturn(body, key).statusCode(201).header("Idempotent-Replayed", "false")
                .extract().path("id");
        String second = postReturn(body, key).statusCode(201).header("Idempotent-Replayed", "true")
                .extract().path("id");
        assertThat(second).isEqualTo(first);
        assertThat(count("select count(*) from return_request where order_id = ?", orderId)).isEqualTo(1);

        postReturn(returnBody(orderId, Orders.SHIRT, 1, "DEFECTIVE"), key)
                .statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://postventa.dev/problems/idempotency-key-reused"));

        asOps().queryParam("orderId", orderId).when().get("/returns").then()
                .statusCode(200).body("id", equalTo(List.of(first)));
    }

    @Test
    void malformedIdempotencyKeyOrMissingOrderIdIsABadRequestProblem() {
        postReturn(returnBody(Orders.newOrderId(), Orders.SHIRT, 1, "DAMAGED"), "k".repeat(256))
                .statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("Idempotency-Key"))
                .body("detail", equalTo("Idempotency-Key: must be 1 to 255 characters"));
        asOps().when().get("/returns").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("orderId"));
    }

    @Test
    void unknownReturnIsNotFoundProblem() {
        asOps().when().get("/returns/" + java.util.UUID.randomUUID()).then()
                .statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        asOps().when().get("/returns/not-a-uuid").then()
                .statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("id"));
    }
}
