package dev.postventa.returns.relay;

import static dev.postventa.infra.Callers.anonymous;
import static dev.postventa.infra.Callers.asCustomerOf;
import static dev.postventa.infra.Callers.asOps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.startsWith;

import dev.postventa.events.Topics;
import dev.postventa.infra.Callers;
import dev.postventa.infra.KafkaTestClient;
import dev.postventa.infra.ParallelRequests;
import dev.postventa.infra.PostventaTestResource;
import dev.postventa.infra.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

/**
 * §4.5: an outbox event Kafka refuses forever (here larger than the broker and the producer accept) is parked with
 * its reason and counted; the relay does not loop on it and the events written after it still reach Kafka.
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "returns"))
class ParkedOutboxEventTest extends RelayTestSupport {

    @Test
    void anEventKafkaRefusesForeverIsParkedAndTheNextEventsStillFlow() {
        awaitReady();
        double parkedBefore = metric("postventa_relay_parked_total");
        String oversizedId = UUID.randomUUID().toString();
        String oversizedKey = "oversized-" + oversizedId;
        // Written straight into the outbox (as an older writer without the size bound would have): 1.5 MB of JSON,
        // above Kafka's default 1 MiB for a record.
        execute("""
                INSERT INTO outbox_event (id, aggregate_type, aggregate_id, event_type, topic, payload, occurred_at)
                VALUES ('%1$s', 'postventa.returns', '%2$s', 'postventa.return.requested.v1', '%3$s',
                        jsonb_build_object('filler', repeat('x', 1500000)), now());
                DELETE FROM outbox_event WHERE id = '%1$s';
                """.formatted(oversizedId, oversizedKey, Topics.RETURNS));

        String returnId = postOneReturn();

        try (KafkaTestClient kafka = kafka()) {
            kafka.awaitRecords(Topics.RETURNS, r -> returnId.equals(r.key()), 2, Duration.ofSeconds(90));
            kafka.assertNoRecords(Topics.RETURNS, r -> oversizedKey.equals(r.key()), Duration.ofSeconds(2));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(count(
                "select count(*) from parked_outbox_event where id = ?::uuid and topic = ? and aggregate_id = ?"
                        + " and reason like '%RecordTooLarge%' and length(payload::text) > 1500000",
                oversizedId, Topics.RETURNS, oversizedKey)).isEqualTo(1));
        assertThat(metric("postventa_relay_parked_total")).isEqualTo(parkedBefore + 1);
        awaitReady();
    }

    @Test
    void aParkedEventIsShownToOperationsAndSentAgainWithItsIdAndTimeOnceKafkaTakesIt() throws Exception {
        awaitReady();
        String topic = "postventa.parking-" + UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        String key = "parked-" + id;
        double replayedBefore = metric("postventa_relay_parked_replayed_total");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                config("kafka.bootstrap.servers")))) {
            // A topic configured below the events it gets (100 kB per record): the broker refuses a 200 kB event.
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)
                    .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "100000")))).all().get(30, TimeUnit.SECONDS);
            try {
                execute("""
                        INSERT INTO outbox_event (id, aggregate_type, aggregate_id, event_type, topic, payload, occurred_at)
                        VALUES ('%1$s', '%3$s', '%2$s', 'postventa.return.requested.v1', '%3$s',
                                jsonb_build_object('filler', repeat('x', 200000)), '2026-11-27T10:15:30Z');
                        DELETE FROM outbox_event WHERE id = '%1$s';
                        """.formatted(id, key, topic));
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(count(
                        "select count(*) from parked_outbox_event where id = ?::uuid", id)).isEqualTo(1));

                // Operations see it, and only they do.
                String parked = "find { it.id == '" + id + "' }";
                asOps().get("/ops/outbox/parked").then().statusCode(200)
                        .body(parked + ".topic", equalTo(topic))
                        .body(parked + ".aggregateId", equalTo(key))
                        .body(parked + ".eventType", equalTo("postventa.return.requested.v1"))
                        .body(parked + ".reason", containsString("RecordTooLarge"))
                        .body(parked + ".payloadBytes", greaterThan(200000));
                asCustomerOf("MX-1001").get("/ops/outbox/parked").then().statusCode(403);
                anonymous().post("/ops/outbox/parked/" + id + "/replay").then().statusCode(401);
                asCustomerOf("MX-1001").post("/ops/outbox/parked/" + id + "/replay").then().statusCode(403);

                // The operator raises the topic's limit, then sends the event again: the same id and time, once.
                admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic), List.of(
                        new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "1048588"),
                                AlterConfigOp.OpType.SET)))).all().get(30, TimeUnit.SECONDS);
                await().atMost(Duration.ofSeconds(30)).until(() -> "1048588".equals(admin.describeConfigs(List.of(
                                new ConfigResource(ConfigResource.Type.TOPIC, topic))).all().get(30, TimeUnit.SECONDS)
                        .values().iterator().next().get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).value()));
                // Five operators press replay at the same moment: one sends it, the others are told it is not parked.
                List<HttpRequest> replays = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    replays.add(HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                                    + "/ops/outbox/parked/" + id + "/replay"))
                            .timeout(Duration.ofSeconds(60))
                            .header("Authorization", Callers.bearer(TestTokens.ops()))
                            .POST(HttpRequest.BodyPublishers.noBody()).build());
                }
                List<HttpResponse<String>> answers = ParallelRequests.sendAtOnce(replays);
                assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200, 404)
                        .filteredOn(status -> status == 200).hasSize(1);
                HttpResponse<String> sentIt = answers.stream().filter(a -> a.statusCode() == 200).findFirst()
                        .orElseThrow();
                assertThat(JsonPath.from(sentIt.body()).getString("id")).isEqualTo(id);
                assertThat(JsonPath.from(sentIt.body()).getString("state")).isEqualTo("REPLAYED");
                assertThat(answers.stream().filter(a -> a.statusCode() == 404).toList()).allSatisfy(refused ->
                        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                                type -> assertThat(type).startsWith("application/problem+json")));
                asOps().post("/ops/outbox/parked/" + id + "/replay").then().statusCode(404)
                        .contentType(startsWith("application/problem+json"));
                asOps().post("/ops/outbox/parked/not-an-id/replay").then().statusCode(400);
                try (KafkaTestClient kafka = kafka()) {
                    ConsumerRecord<String, byte[]> sent = kafka.awaitRecords(topic, r -> key.equals(r.key()), 1,
                            Duration.ofSeconds(60)).get(0);
                    assertThat(KafkaTestClient.header(sent, "ce_id")).isEqualTo(id);
                    assertThat(Instant.parse(KafkaTestClient.header(sent, "ce_time")))
                            .isEqualTo(Instant.parse("2026-11-27T10:15:30Z"));
                    assertThat(kafka.readAll(topic, r -> key.equals(r.key()), Duration.ofSeconds(2))).hasSize(1);
                }
                assertThat(count("select count(*) from parked_outbox_event where id = ?::uuid", id)).isZero();
                assertThat(metric("postventa_relay_parked_replayed_total")).isEqualTo(replayedBefore + 1);
            } finally {
                admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            }
        }
        awaitReady();
    }
}
