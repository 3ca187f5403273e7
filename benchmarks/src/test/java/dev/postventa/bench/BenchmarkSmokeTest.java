package dev.postventa.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The benchmark still works end to end: on a throwaway local stack, with tiny counts and durations, every scenario
 * yields its figures and the table, results.json and chart.html hold them. Speed is never asserted: the figures of a
 * two-second run on a shared CI machine mean nothing.
 */
class BenchmarkSmokeTest {

    static final List<String> FIGURES = List.of("baseline-insert-jdbc", "baseline-producer", "webhook-fixed",
            "webhook-max", "returns-fixed", "outbox-latency", "returns-max", "returns-one-order",
            "returns-one-order-growth", "relay-ceiling", "backlog-drain", "peak-returns", "peak-refund",
            "peak-email", "rss-returns-service",
            "rss-tracking-service", "rss-refund-service", "rss-notification-service", "ready-notification-service");

    @Test
    void everyScenarioProducesItsFiguresInTheTableTheJsonAndTheChart() throws Exception {
        Path root = Path.of(System.getProperty("postventa.root", "..")).toAbsolutePath().normalize();
        Path out = Files.createTempDirectory("bench-smoke-");
        BenchmarkSettings settings = new BenchmarkSettings(Map.ofEntries(
                Map.entry("durable", "false"), Map.entry("out", out.toString()),
                Map.entry("duration", "1s"), Map.entry("baseline-duration", "1s"), Map.entry("baseline-clients", "2"),
                Map.entry("shipments", "2"), Map.entry("webhook-rate", "20"), Map.entry("webhook-connections", "2"),
                Map.entry("return-rate", "10"), Map.entry("return-connections", "2"), Map.entry("return-max-pool", "40"),
                Map.entry("relay-events", "50"), Map.entry("backlog", "50"), Map.entry("peak-rate", "4"),
                Map.entry("startup-service", "notification-service"), Map.entry("patience", "60s")));

        Report report = PostventaBenchmark.run(settings, root);
        report.write(out);

        String table = report.table();
        assertThat(table).doesNotContain("not measured");
        JsonNode json = Http.JSON.readTree(Files.readString(out.resolve("results.json")));
        List<String> ids = new ArrayList<>();
        json.path("figures").forEach(f -> ids.add(f.path("id").asText()));
        assertThat(ids).containsExactlyInAnyOrderElementsOf(withPgbenchIfInstalled());
        json.path("figures").forEach(f -> {
            // Not a speed: a zero would mean the harness measured nothing (every request failed, nothing arrived).
            assertThat(f.path("value").asDouble()).as(f.path("id").asText()).isPositive();
            assertThat(table).contains(f.path("name").asText());
        });
        assertThat(json.path("notMeasured")).isEmpty();
        String chart = Files.readString(out.resolve("chart.html"));
        assertThat(chart).contains("<svg").contains("signed webhook ingest").contains("outbox commit")
                .contains("ReturnReceived → RefundIssued")
                .doesNotContain("<script").doesNotContain("<link").doesNotContain("src=").doesNotContain("href=");
        assertThat(Files.readString(out.resolve("table.md"))).contains("| relay ceiling");
    }

    private static List<String> withPgbenchIfInstalled() {
        List<String> expected = new ArrayList<>(FIGURES);
        if (Baselines.onPath("pgbench")) {
            expected.add("baseline-insert-pgbench");
        }
        return expected;
    }
}
