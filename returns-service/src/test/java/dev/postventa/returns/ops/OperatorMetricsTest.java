package dev.postventa.returns.ops;

import static dev.postventa.infra.Callers.management;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.postventa.events.Topics;
import dev.postventa.infra.KafkaTestClient;
import dev.postventa.infra.PostventaTestResource;
import dev.postventa.returns.Orders;
import dev.postventa.returns.ReturnsTestSupport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator's gauges on the management interface agree with what the broker says: consumer-group lag per topic
 * and partition (end minus committed offset), the dead-letter topic's depth, and the relay's state.
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "returns"))
class OperatorMetricsTest extends ReturnsTestSupport {

    private static final String GROUP = "returns-service";
    private static final String DEAD_LETTERS = Topics.deadLetter(GROUP);
    private static final Pattern SAMPLE = Pattern.compile("(?m)^(\\w+)\\{([^}]*)} (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private static Admin admin;

    @BeforeAll
    static void connect() {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config("kafka.bootstrap.servers")));
    }

    @AfterAll
    static void disconnect() {
        admin.close();
    }

    @Test
    void consumerGroupLagIsTheBrokersEndMinusCommittedOffsetPerTopicAndPartition() {
        // Consumed and committed: the group has offsets on storefront.orders.
        String orderId = Orders.newOrderId();
        publish(Orders.placed(orderId, Instant.now()));
        awaitOrder(orderId, false);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Map<TopicPartition, Long> expected = brokerLag();
            Map<TopicPartition, Double> gauges = lagGauges();
            assertThat(expected.keySet()).anyMatch(p -> p.topic().equals(Topics.STOREFRONT_ORDERS));
            expected.forEach((partition, lag) -> assertThat(gauges.get(partition))
                    .as("postventa_consumer_group_lag of %s", partition).isEqualTo(lag.doubleValue()));
        });
    }

    @Test
    void deadLetterDepthGrowsByOneWhenARecordIsDeadLettered() {
        long before = brokerDeadLetterDepth();
        String poisonKey = "poison-" + Orders.newOrderId();
        try (KafkaTestClient kafka = kafka()) {
            kafka.send(Topics.STOREFRONT_ORDERS, poisonKey, "{not json".getBytes(StandardCharsets.UTF_8), Map.of());
            kafka.awaitRecords(DEAD_LETTERS, r -> poisonKey.equals(r.key()), 1, Duration.ofSeconds(30));
        }

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(brokerDeadLetterDepth()).isEqualTo(before + 1);
            assertThat(samples("postventa_dead_letter_depth").get(Map.of("topic", DEAD_LETTERS)))
                    .isEqualTo((double) before + 1);
        });
    }

    @Test
    void theRelayReportsItselfStreamingAndNoOtherState() {
        // Other test classes stop and restart the relay in this JVM: wait for it to be back.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(samples("postventa_relay_state")).containsEntry(Map.of("state", "streaming"), 1.0)
                .containsEntry(Map.of("state", "restarting"), 0.0)
                .containsEntry(Map.of("state", "down"), 0.0)
                .containsEntry(Map.of("state", "standby"), 0.0));
    }

    @Test
    void theRelayCountsEveryEventItRelaysAndTimesItFromOutboxWriteToKafka() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(samples("postventa_relay_state"))
                .containsEntry(Map.of("state", "streaming"), 1.0));
        double relayedBefore = samples("postventa_relay_events_total").getOrDefault(Map.of("topic", Topics.RETURNS), 0.0);
        double timedBefore = unlabelled("postventa_relay_delay_seconds_count");

        String orderId = deliveredOrder();
        String returnId = postReturn(returnBody(orderId, Orders.SHIRT, 1, "DAMAGED"), null)
                .statusCode(201).extract().path("id");
        try (KafkaTestClient kafka = kafka()) {
            // ReturnRequested and ReturnApproved, both on the returns topic.
            kafka.awaitRecords(Topics.RETURNS, r -> returnId.equals(r.key()), 2, Duration.ofSeconds(30));
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(samples("postventa_relay_events_total").get(Map.of("topic", Topics.RETURNS)))
                    .isGreaterThanOrEqualTo(relayedBefore + 2);
            assertThat(unlabelled("postventa_relay_delay_seconds_count")).isGreaterThanOrEqualTo(timedBefore + 2);
        });
        // The histogram operators alert on: buckets are published, not only a count and a sum.
        assertThat(management().when().get("/q/metrics").then().extract().asString())
                .containsPattern("(?m)^postventa_relay_delay_seconds_bucket\\{le=");
    }

    @Test
    void theOutboxPublicationStreamsInsertsOnly() {
        // The writer deletes each row in the transaction that inserted it: decoding those deletes would double the
        // relay's work for nothing. The relay narrows the publication before Debezium starts.
        assertThat(count("select count(*) from pg_publication where pubname = ? and pubinsert and not pubdelete"
                + " and not pubupdate and not pubtruncate", config("postventa.relay.publication-name"))).isEqualTo(1);
    }

    @Test
    void theGaugesTheComposeDashboardsAndAlertsQueryAreOnTheScrape() {
        // Names from test-infrastructure's MonitoringFilesTest list that every service has from its start (counters
        // appear with their first increment); a renamed metric breaks the dashboards, and this test.
        // The broker gauges come with the first refresh, the consumers' own with their first poll: wait for them.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String body = management().when().get("/q/metrics").then().statusCode(200).extract().asString();
            for (String name : List.of("postventa_dead_letter_depth", "postventa_relay_state",
                    "postventa_relay_active", "postventa_relay_slot_lag_bytes", "postventa_relay_slot_lost",
                    "postventa_relay_parked_total", "kafka_consumer_fetch_manager_records_lag_max")) {
                assertThat(body).as("/q/metrics has %s", name).containsPattern("(?m)^" + name + "[{ ]");
            }
        });
    }

    /** End minus committed offset of every partition the group committed on, as the broker says now. */
    private static Map<TopicPartition, Long> brokerLag() throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.keySet().forEach(p -> latest.put(p, OffsetSpec.latest()));
        var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, Long> lag = new HashMap<>();
        committed.forEach((p, offset) -> lag.put(p, ends.get(p).offset() - offset.offset()));
        return lag;
    }

    private static long brokerDeadLetterDepth() {
        try {
            var topic = admin.describeTopics(List.of(DEAD_LETTERS)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(DEAD_LETTERS);
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            topic.partitions().forEach(p -> {
                earliest.put(new TopicPartition(DEAD_LETTERS, p.partition()), OffsetSpec.earliest());
                latest.put(new TopicPartition(DEAD_LETTERS, p.partition()), OffsetSpec.latest());
            });
            var begin = admin.listOffsets(earliest).all().get(10, TimeUnit.SECONDS);
            var end = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
            return end.entrySet().stream().mapToLong(e -> e.getValue().offset() - begin.get(e.getKey()).offset()).sum();
        } catch (Exception e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return 0;
            }
            throw new IllegalStateException(e);
        }
    }

    private static Map<TopicPartition, Double> lagGauges() {
        Map<TopicPartition, Double> lag = new HashMap<>();
        samples("postventa_consumer_group_lag").forEach((labels, value) -> {
            if (GROUP.equals(labels.get("group"))) {
                lag.put(new TopicPartition(labels.get("topic"), Integer.parseInt(labels.get("partition"))), value);
            }
        });
        return lag;
    }

    /** The value of a metric without labels on /q/metrics; 0 when it is not there yet. */
    private static double unlabelled(String metric) {
        String body = management().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher line = Pattern.compile("(?m)^" + metric + " (\\S+)$").matcher(body);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }

    /** The samples of one metric on /q/metrics, by their labels. */
    private static Map<Map<String, String>, Double> samples(String metric) {
        String body = management().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Map<Map<String, String>, Double> samples = new HashMap<>();
        Matcher line = SAMPLE.matcher(body);
        while (line.find()) {
            if (line.group(1).equals(metric)) {
                Map<String, String> labels = new HashMap<>();
                Matcher label = LABEL.matcher(line.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
                samples.put(labels, Double.parseDouble(line.group(3)));
            }
        }
        return samples;
    }
}
