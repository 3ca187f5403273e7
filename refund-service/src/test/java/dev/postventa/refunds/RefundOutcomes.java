package dev.postventa.refunds;

import static dev.postventa.infra.Callers.asOps;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;

import dev.postventa.events.EventJson;
import dev.postventa.events.Topics;
import dev.postventa.infra.KafkaTestClient;
import dev.postventa.infra.ServiceDatabase;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What a refund test reads back: a return's refund through the API and its outcome events on the topic. */
final class RefundOutcomes {

    private RefundOutcomes() {
    }

    /** The one outcome event of a return's refund, once the relay has published it. */
    static ConsumerRecord<String, byte[]> awaitOutcome(UUID returnId, String type, Duration wait) {
        try (KafkaTestClient kafka = ServiceDatabase.kafka()) {
            return kafka.awaitRecords(Topics.REFUNDS, r -> isFor(r, returnId)
                    && type.equals(KafkaTestClient.header(r, "ce_type")), 1, wait).get(0);
        }
    }

    /** The return's refund events on the topic are exactly one, of {@code type}. */
    static void assertOnlyOutcome(UUID returnId, String type) {
        try (KafkaTestClient kafka = ServiceDatabase.kafka()) {
            assertThat(kafka.readAll(Topics.REFUNDS, r -> isFor(r, returnId), Duration.ofSeconds(3)))
                    .extracting(r -> KafkaTestClient.header(r, "ce_type")).containsExactly(type);
        }
    }

    /** The only refund of a return, as the API shows it. */
    static JsonPath refundOf(UUID returnId) {
        JsonPath refunds = asOps().queryParam("returnId", returnId.toString()).when().get("/refunds").then()
                .statusCode(200).body("", hasSize(1)).extract().jsonPath();
        return new JsonPath(refunds.prettify()).setRootPath("[0]");
    }

    /** True for a record about {@code returnId}; a record that is not JSON is about nothing. */
    static boolean isFor(ConsumerRecord<String, byte[]> record, UUID returnId) {
        try {
            return EventJson.mapper().readTree(record.value()).path("returnId").asText().equals(returnId.toString());
        } catch (IOException notJson) {
            return false;
        }
    }
}
