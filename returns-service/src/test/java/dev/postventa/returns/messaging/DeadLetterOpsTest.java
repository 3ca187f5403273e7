package dev.postventa.returns.messaging;

import static dev.postventa.infra.Callers.anonymous;
import static dev.postventa.infra.Callers.asCustomerOf;
import static dev.postventa.infra.Callers.asOps;
import static dev.postventa.infra.Callers.asStorefront;
import static dev.postventa.infra.Callers.management;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesRegex;

import dev.postventa.events.Topics;
import dev.postventa.events.storefront.StorefrontOrderEvent;
import dev.postventa.infra.KafkaTestClient;
import dev.postventa.infra.PostventaTestResource;
import dev.postventa.returns.Orders;
import dev.postventa.returns.ReturnsTestSupport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Operators see the service's dead letters with why and where from, replay them to their original topic (where the
 * idempotent consumer applies them once) and park the ones that need no replay; only operations may.
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "returns"))
class DeadLetterOpsTest extends ReturnsTestSupport {

    private static final String DLQ = Topics.deadLetter("returns-service");
    private static final Duration AWAIT = Duration.ofSeconds(30);

    @Test
    void anUndecodableOrderIsListedWithItsReasonAndOriginalCoordinates() {
        String key = "poison-" + Orders.newOrderId();
        ConsumerRecord<String, byte[]> original = sendPoison(key);
        ConsumerRecord<String, byte[]> dead = awaitDeadLetters(key, 1).get(0);

        Map<String, Object> entry = awaitListed(key);
        assertThat(entry).containsEntry("id", dead.partition() + "-" + dead.offset())
                .containsEntry("originalTopic", Topics.STOREFRONT_ORDERS)
                .containsEntry("originalPartition", original.partition())
                .containsEntry("originalOffset", (int) original.offset())
                .containsEntry("payload", "{not json")
                .containsEntry("payloadEncoding", "utf-8")
                .containsEntry("state", "NEW");
        assertThat((String) entry.get("reason")).contains("StorefrontOrderEvent");
        assertThat(entry.get("deadLetteredAt")).isNotNull();

        asOps().when().get("/ops/dead-letters/" + entry.get("id")).then().statusCode(200)
                .body("key", equalTo(key)).body("state", equalTo("NEW"));
    }

    @Test
    void onlyOperationsMaySeeOrActOnDeadLetters() {
        anonymous().when().get("/ops/dead-letters").then().statusCode(401);
        asCustomerOf(Orders.newOrderId()).when().get("/ops/dead-letters").then().statusCode(403);
        asStorefront().when().get("/ops/dead-letters").then().statusCode(403);
        asCustomerOf(Orders.newOrderId()).when().post("/ops/dead-letters/replay-all").then().statusCode(403);
        anonymous().when().post("/ops/dead-letters/0-0/replay").then().statusCode(401);
        asCustomerOf(Orders.newOrderId()).contentType(ContentType.JSON).body("{\"note\": \"mine\"}")
                .when().post("/ops/dead-letters/0-0/park").then().statusCode(403);
    }

    @Test
    void anUnknownIdIsNotFoundAndAMalformedOneOrAMissingNoteIsRefused() {
        asOps().when().get("/ops/dead-letters/0-999999999").then().statusCode(404)
                .contentType("application/problem+json");
        asOps().when().post("/ops/dead-letters/0-999999999/replay").then().statusCode(404)
                .contentType("application/problem+json");
        asOps().when().post("/ops/dead-letters/abc/replay").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("id"));
        asOps().contentType(ContentType.JSON).body("{\"note\": \" \"}")
                .when().post("/ops/dead-letters/0-0/park").then().statusCode(400)
                .contentType("application/problem+json");
        asOps().contentType(ContentType.JSON).body("{\"note\": \"" + "x".repeat(501) + "\"}")
                .when().post("/ops/dead-letters/0-0/park").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aParkedDeadLetterIsNeverReplayedByReplayAll() {
        String parkedKey = "poison-parked-" + Orders.newOrderId();
        String replayedKey = "poison-replayed-" + Orders.newOrderId();
        sendPoison(parkedKey);
        sendPoison(replayedKey);
        awaitDeadLetters(parkedKey, 1);
        awaitDeadLetters(replayedKey, 1);
        String parkedId = (String) awaitListed(parkedKey).get("id");
        String replayedId = (String) awaitListed(replayedKey).get("id");

        asOps().contentType(ContentType.JSON).body("{\"note\": \"test order from the storefront's staging\"}")
                .when().post("/ops/dead-letters/" + parkedId + "/park").then().statusCode(200)
                .body("state", equalTo("PARKED"));
        int replayed = asOps().when().post("/ops/dead-letters/replay-all").then().statusCode(200)
                .extract().path("replayed");

        assertThat(replayed).isPositive();
        // The replay was acknowledged by Kafka before replay-all answered: the original topic shows it now.
        try (KafkaTestClient kafka = kafka()) {
            assertThat(kafka.readAll(Topics.STOREFRONT_ORDERS, r -> replayedKey.equals(r.key()), Duration.ofSeconds(2)))
                    .hasSize(2);
            assertThat(kafka.readAll(Topics.STOREFRONT_ORDERS, r -> parkedKey.equals(r.key()), Duration.ofSeconds(2)))
                    .hasSize(1);
        }
        // Still undecodable, the replayed one is dead-lettered again (a new entry); the parked one stays as it was.
        awaitDeadLetters(replayedKey, 2);
        asOps().when().get("/ops/dead-letters/" + parkedId).then().statusCode(200).body("state", equalTo("PARKED"));
        asOps().when().get("/ops/dead-letters/" + replayedId).then().statusCode(200).body("state", equalTo("REPLAYED"));
        assertThat(count("select count(*) from dead_letter_action where action = 'PARKED' and actor = 'ops-test' "
                + "and note = 'test order from the storefront''s staging' and dlq_partition || '-' || dlq_offset = ?",
                parkedId)).isEqualTo(1);
        assertThat(count("select count(*) from dead_letter_action where action = 'REPLAYED' "
                + "and dlq_partition || '-' || dlq_offset = ?", parkedId)).isZero();
    }

    @Test
    void aReplayedValidOrderIsAppliedOnceAndASecondReplayChangesNothing() {
        String orderId = Orders.newOrderId();
        Instant placedAt = Instant.now().minus(2, ChronoUnit.DAYS);
        StorefrontOrderEvent placed = Orders.placed(orderId, placedAt);
        // Dead-lettered as SmallRye writes it (the record failed, say, while the order was not valid yet).
        try (KafkaTestClient kafka = kafka()) {
            kafka.send(DLQ, orderId, Orders.json(placed), Map.of(
                    "dead-letter-reason", "order " + orderId + " was not valid yet",
                    "dead-letter-cause", "a test's cause",
                    "dead-letter-exception-class-name", "java.lang.IllegalStateException",
                    "dead-letter-topic", Topics.STOREFRONT_ORDERS,
                    "dead-letter-partition", "0",
                    "dead-letter-offset", "17",
                    "x-trace", "kept-on-replay"));
        }
        String id = (String) awaitListed(orderId).get("id");
        assertThat(count("select count(*) from order_snapshot where order_id = ?", orderId)).isZero();

        asOps().when().post("/ops/dead-letters/" + id + "/replay").then().statusCode(200)
                .body("id", equalTo(id)).body("state", equalTo("REPLAYED"))
                .body("originalOffset", equalTo(17)).body("reason", equalTo("order " + orderId + " was not valid yet"));
        awaitOrder(orderId, false);

        asOps().when().post("/ops/dead-letters/" + id + "/replay").then().statusCode(200)
                .body("state", equalTo("REPLAYED"));
        // A later event of the same order (same key, same partition): once it is applied, so is the second replay.
        publish(Orders.delivered(orderId, placedAt, placedAt.plus(1, ChronoUnit.DAYS)));
        awaitOrder(orderId, true);

        assertThat(count("select count(*) from inbox_message where event_id = ?", placed.eventId())).isEqualTo(1);
        assertThat(count("select count(*) from order_snapshot where order_id = ?", orderId)).isEqualTo(1);
        try (KafkaTestClient kafka = kafka()) {
            List<ConsumerRecord<String, byte[]>> replays = kafka.readAll(Topics.STOREFRONT_ORDERS,
                    r -> orderId.equals(r.key()) && r.headers().lastHeader("x-trace") != null, Duration.ofSeconds(2));
            assertThat(replays).hasSize(2).allSatisfy(r -> {
                assertThat(KafkaTestClient.header(r, "x-trace")).isEqualTo("kept-on-replay");
                assertThat(r.headers()).noneMatch(h -> h.key().startsWith("dead-letter-"));
                assertThat(r.value()).isEqualTo(Orders.json(placed));
            });
        }
        assertThat(count("select count(*) from dead_letter_action where action = 'REPLAYED' and actor = 'ops-test' "
                + "and dlq_partition || '-' || dlq_offset = ?", id)).isEqualTo(2);
        management().when().get("/q/metrics").then().statusCode(200)
                .body(matchesRegex("(?s).*postventa_dead_letters_actions_total\\{action=\"replay\"[^}]*} [1-9].*"));
    }

    private ConsumerRecord<String, byte[]> sendPoison(String key) {
        try (KafkaTestClient kafka = kafka()) {
            kafka.send(Topics.STOREFRONT_ORDERS, key, "{not json".getBytes(StandardCharsets.UTF_8), Map.of());
            return kafka.awaitRecords(Topics.STOREFRONT_ORDERS, r -> key.equals(r.key()), 1, AWAIT).get(0);
        }
    }

    private List<ConsumerRecord<String, byte[]>> awaitDeadLetters(String key, int count) {
        try (KafkaTestClient kafka = kafka()) {
            return kafka.awaitRecords(DLQ, r -> key.equals(r.key()), count, AWAIT);
        }
    }

    /** The first listed entry with this key, once the list shows it. */
    private static Map<String, Object> awaitListed(String key) {
        String path = "find { it.key == '" + key + "' }";
        return await().atMost(AWAIT).until(
                () -> asOps().when().get("/ops/dead-letters").then().statusCode(200).extract().jsonPath()
                        .<String, Object>getMap(path),
                entry -> entry != null);
    }
}
