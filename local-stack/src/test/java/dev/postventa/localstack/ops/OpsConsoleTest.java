package dev.postventa.localstack.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.postventa.events.EventJson;
import dev.postventa.infra.FreePorts;
import dev.postventa.infra.KafkaBroker;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ops page's backend against a real broker: lag per partition from the Admin API, the page and uPlot served from
 * the jar, a stopped service shown as unreachable (not an error page), and the guards on the proxy.
 */
class OpsConsoleTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static KafkaBroker kafka;
    private static Admin admin;
    private static HttpServer server;
    private static OpsConsole console;
    private static String base;
    /** A port nothing listens on: the "stopped" service. */
    private static final int DEAD_PORT = FreePorts.next();

    @BeforeAll
    static void start() {
        kafka = KafkaBroker.temporary().start();
        admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()));
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(2));
        console = new OpsConsole(kafka.bootstrapServers(), List.of("returns-service"),
                name -> "http://localhost:" + DEAD_PORT, name -> "http://localhost:" + DEAD_PORT, () -> "unused")
                .mount(server);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop(0);
        }
        if (console != null) {
            console.close();
        }
        if (admin != null) {
            admin.close();
        }
        if (kafka != null) {
            kafka.stop();
        }
    }

    @Test
    void lagIsEndMinusCommittedOffsetPerPartitionForAGroupWithoutMembers() throws Exception {
        String topic = "ops-page-lag";
        String group = "ops-page-group";
        admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
        produce(topic, 0, 5);
        produce(topic, 1, 3);
        // The group committed 2 of partition 0's 5 records and all 3 of partition 1's.
        admin.alterConsumerGroupOffsets(group, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(2),
                new TopicPartition(topic, 1), new OffsetAndMetadata(3))).all().get(30, TimeUnit.SECONDS);

        try (ConsumerGroupLagReader reader = new ConsumerGroupLagReader(kafka.bootstrapServers(), Duration.ofSeconds(5))) {
            ConsumerGroupLagReader.GroupLag lag = reader.read().stream().filter(g -> g.group().equals(group))
                    .findFirst().orElseThrow();
            assertThat(lag.partitions()).containsExactly(
                    new ConsumerGroupLagReader.PartitionLag(topic, 0, 2, 5, 3),
                    new ConsumerGroupLagReader.PartitionLag(topic, 1, 3, 3, 0));
            assertThat(lag.totalLag()).isEqualTo(3);
            assertThat(lag.state()).isEqualTo("Empty");
            assertThat(lag.members()).isZero();
        }

        // The page's JSON says the same.
        HttpResponse<String> groups = get("/ops/api/groups");
        assertThat(groups.statusCode()).isEqualTo(200);
        JsonNode ours = find(EventJson.mapper().readTree(groups.body()), "group", group);
        assertThat(ours.get("totalLag").asLong()).isEqualTo(3);
        assertThat(ours.get("partitions").get(0).get("lag").asLong()).isEqualTo(3);
        assertThat(ours.get("partitions").get(1).get("lag").asLong()).isZero();

        // The group catches up: lag 0.
        admin.alterConsumerGroupOffsets(group, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(5)))
                .all().get(30, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                find(EventJson.mapper().readTree(get("/ops/api/groups").body()), "group", group)
                        .get("totalLag").asLong()).isZero());
    }

    @Test
    void thePageAndUPlotAreServedFromTheJar() throws Exception {
        HttpResponse<String> page = get("/ops");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("/ops/assets/uPlot.iife.min.js", "/ops/assets/ops.js", "id=\"groups\"");
        HttpResponse<String> uplot = get("/ops/assets/uPlot.iife.min.js");
        assertThat(uplot.statusCode()).isEqualTo(200);
        assertThat(uplot.body()).contains("uPlot");
        assertThat(get("/ops/assets/uPlot.min.css").statusCode()).isEqualTo(200);
        assertThat(get("/ops/assets/ops.js").body()).contains("/ops/api/groups");
        assertThat(get("/ops/assets/../../LocalConsole.class").statusCode()).isEqualTo(404);
    }

    @Test
    void aServiceThatDoesNotAnswerIsUnreachableNotAnErrorPage() throws Exception {
        HttpResponse<String> relays = get("/ops/api/relays");
        assertThat(relays.statusCode()).isEqualTo(200);
        JsonNode returns = find(EventJson.mapper().readTree(relays.body()), "service", "returns-service");
        assertThat(returns.get("reachable").asBoolean()).isFalse();
        assertThat(returns.get("ready").asText()).isEqualTo("unreachable");

        HttpResponse<String> deadLetters = get("/ops/api/dead-letters/returns-service");
        assertThat(deadLetters.statusCode()).isEqualTo(502);
        assertThat(deadLetters.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(get("/ops/api/kpis?from=2026-01-01&to=2026-01-31").statusCode()).isEqualTo(502);
    }

    @Test
    void onlyKnownServicesAndPathsAreProxiedAndPostsNeedThePagesHeader() throws Exception {
        assertThat(get("/ops/api/dead-letters/postgres").statusCode()).isEqualTo(404);
        assertThat(get("/ops/api/dead-letters/returns-service/../../returns").statusCode()).isEqualTo(404);
        assertThat(get("/ops/api/kpis?from=yesterday").statusCode()).isEqualTo(400);
        assertThat(get("/ops/api/dead-letters/returns-service/0-1/replay").statusCode()).isEqualTo(405);

        HttpResponse<String> crossSite = HTTP.send(HttpRequest.newBuilder(URI.create(base
                        + "/ops/api/dead-letters/returns-service/replay-all")).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(crossSite.statusCode()).isEqualTo(403);
        HttpResponse<String> fromThePage = HTTP.send(HttpRequest.newBuilder(URI.create(base
                        + "/ops/api/dead-letters/returns-service/replay-all")).header("X-Postventa-Ops", "1")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(fromThePage.statusCode()).as("reaches the (stopped) service").isEqualTo(502);
    }

    private static void produce(String topic, int partition, int count) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, partition, "k" + i, "v" + i));
            }
            producer.flush();
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (value.equals(node.get(field).asText())) {
                return node;
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + array);
    }
}
