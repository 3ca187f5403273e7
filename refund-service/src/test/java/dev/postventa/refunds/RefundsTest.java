package dev.postventa.refunds;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.EventJson;
import dev.postventa.events.EventTypes;
import dev.postventa.events.Money;
import dev.postventa.events.ReturnedLine;
import dev.postventa.events.Topics;
import dev.postventa.events.refunds.RefundFailed;
import dev.postventa.events.refunds.RefundIssued;
import dev.postventa.events.returns.ReturnReceived;
import dev.postventa.infra.KafkaTestClient;
import dev.postventa.infra.PostventaTestResource;
import dev.postventa.infra.ServiceDatabase;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A received return is refunded exactly once, for what was paid for the received lines. */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "refunds"))
class RefundsTest {

    @Test
    void operationsEndpointsAreServed() {
        dev.postventa.infra.OperationsEndpoints.assertServed("/refunds");
    }

    @Test
    void aReceivedReturnIsRefundedWhatWasPaidForItsLines() {
        UUID returnId = UUID.randomUUID();
        receive(returnId, "MX-2001", UUID.randomUUID().toString());

        try (KafkaTestClient kafka = ServiceDatabase.kafka()) {
            CloudEvent issued = kafka.awaitCloudEvents(Topics.REFUNDS, e -> EventTypes.REFUND_ISSUED.equals(e.getType())
                    && payload(e, RefundIssued.class).returnId().equals(returnId), 1, Duration.ofSeconds(30)).get(0);
            RefundIssued refund = payload(issued, RefundIssued.class);
            assertThat(refund.amount()).isEqualTo(Money.of("2298.80", "MXN"));
            assertThat(refund.providerReference()).startsWith("sim_re_");
            assertThat(refund.customer().email()).isEqualTo("ana@example.mx");
            assertThat(issued.getSubject()).isEqualTo(refund.refundId().toString());
            assertThat(issued.getSource().toString()).isEqualTo("refund-service");
        }
        given().queryParam("returnId", returnId.toString()).when().get("/refunds").then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].status", equalTo("ISSUED"))
                .body("[0].amount.amount", equalTo("2298.80"))
                .body("[0].amount.currency", equalTo("MXN"))
                .body("[0].attempts", equalTo(1));
    }

    @Test
    void theSameReturnReceivedTwiceOrUnderAnotherEventIdIsRefundedOnce() {
        UUID returnId = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String otherEventId = UUID.randomUUID().toString();
        receive(returnId, "MX-2002", eventId);
        receive(returnId, "MX-2002", eventId);
        receive(returnId, "MX-2002", otherEventId);
        // Once the last delivery is claimed, all three have been handled.
        await().atMost(Duration.ofSeconds(30)).until(() ->
                ServiceDatabase.count("select count(*) from inbox_message where event_id = ?", otherEventId) == 1);

        try (KafkaTestClient kafka = ServiceDatabase.kafka()) {
            kafka.awaitRecords(Topics.REFUNDS, r -> isFor(r, returnId), 1, Duration.ofSeconds(30));
            assertThat(kafka.readAll(Topics.REFUNDS, r -> isFor(r, returnId), Duration.ofSeconds(3))).hasSize(1);
        }
        assertThat(ServiceDatabase.count("select count(*) from refund where return_id = ?", returnId)).isEqualTo(1);
    }

    @Test
    void aRefusedRefundFailsForGoodAndTransientFailuresAreRetried() {
        UUID refused = UUID.randomUUID();
        UUID flaky = UUID.randomUUID();
        receive(refused, "FAIL-3001", UUID.randomUUID().toString());
        receive(flaky, "FLAKY-3002", UUID.randomUUID().toString());

        try (KafkaTestClient kafka = ServiceDatabase.kafka()) {
            CloudEvent failed = kafka.awaitCloudEvents(Topics.REFUNDS, e -> EventTypes.REFUND_FAILED.equals(e.getType())
                    && payload(e, RefundFailed.class).returnId().equals(refused), 1, Duration.ofSeconds(30)).get(0);
            assertThat(payload(failed, RefundFailed.class).reason()).contains("card account closed");
            kafka.awaitCloudEvents(Topics.REFUNDS, e -> EventTypes.REFUND_ISSUED.equals(e.getType())
                    && payload(e, RefundIssued.class).returnId().equals(flaky), 1, Duration.ofSeconds(30));
        }
        given().queryParam("returnId", refused.toString()).when().get("/refunds").then()
                .body("[0].status", equalTo("FAILED"))
                .body("[0].failureReason", equalTo("card account closed (simulated)"));
        given().queryParam("returnId", flaky.toString()).when().get("/refunds").then()
                .body("[0].status", equalTo("ISSUED"))
                .body("[0].attempts", equalTo(3));
    }

    @Test
    void aPoisonMessageIsDeadLetteredAndTheNextEventIsStillRefunded() {
        String poisonKey = UUID.randomUUID().toString();
        try (KafkaTestClient kafka = ServiceDatabase.kafka()) {
            kafka.sendCloudEvent(Topics.RETURNS, poisonKey, EventTypes.RETURN_RECEIVED, "returns-service",
                    "not json at all".getBytes(StandardCharsets.UTF_8));
        }
        UUID next = UUID.randomUUID();
        receive(next, "MX-4001", UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).until(() ->
                ServiceDatabase.count("select count(*) from refund where return_id = ? and status = 'ISSUED'", next) == 1);
        try (KafkaTestClient kafka = ServiceDatabase.kafka()) {
            ConsumerRecord<String, byte[]> dead = kafka.awaitRecords(Topics.deadLetter("refund-service"),
                    r -> poisonKey.equals(r.key()), 1, Duration.ofSeconds(30)).get(0);
            assertThat(KafkaTestClient.header(dead, "dead-letter-reason")).contains("ReturnReceived");
        }
    }

    @Test
    void unknownOrMalformedIdsAreProblems() {
        given().when().get("/refunds/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        given().queryParam("returnId", "nope").when().get("/refunds").then().statusCode(400)
                .body("violations[0].field", equalTo("returnId"));
    }

    private static void receive(UUID returnId, String orderId, String eventId) {
        ReturnReceived received = new ReturnReceived(returnId, orderId, "RMA-1",
                new CustomerContact("cust-1", "ana@example.mx", "es-MX", "MX"),
                List.of(new ReturnedLine("L1", "SKU-SHIRT", "Camisa", 2, Money.of("499.90", "MXN"), "SIZE_TOO_SMALL"),
                        new ReturnedLine("L2", "SKU-SNK", "Tenis", 1, Money.of("1299.00", "MXN"), "DEFECTIVE")),
                Instant.now());
        try (KafkaTestClient kafka = ServiceDatabase.kafka()) {
            kafka.sendCloudEvent(Topics.RETURNS, returnId.toString(), eventId, EventTypes.RETURN_RECEIVED,
                    "returns-service", EventJson.toBytes(received));
        }
    }

    private static boolean isFor(ConsumerRecord<String, byte[]> record, UUID returnId) {
        return readTree(record.value()).path("returnId").asText().equals(returnId.toString());
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(byte[] json) {
        try {
            return EventJson.mapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T payload(CloudEvent event, Class<T> type) {
        return EventJson.fromBytes(event.getData().toBytes(), type);
    }
}
