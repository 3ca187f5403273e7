package dev.postventa.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The compose monitoring files (Docker cannot run here) are well-formed and agree with the services: Prometheus
 * scrapes the four services' management port, the alert rules the operators rely on exist, and every metric a rule
 * or dashboard queries is one the services expose (the documented list below).
 */
class MonitoringFilesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> SERVICES =
            List.of("returns-service", "tracking-service", "refund-service", "notification-service");

    /**
     * Every metric the rules and dashboards may use: what the services expose on /q/metrics (Prometheus names). A new
     * query on a metric not listed here fails this test: add the metric to the services first, then here.
     */
    static final Set<String> EXPOSED = Set.of(
            // service-support, operator metrics read from the broker (KafkaOpsMetrics)
            "postventa_consumer_group_lag",          // {group, topic, partition}
            "postventa_dead_letter_depth",           // {topic}
            // service-support, outbox relay (OutboxRelay)
            "postventa_relay_state",                 // {state = streaming | restarting | down | standby}
            "postventa_relay_active",
            "postventa_relay_slot_lag_bytes",
            "postventa_relay_slot_lost",
            "postventa_relay_parked_total",
            "postventa_relay_events_total",          // {topic}
            "postventa_relay_delay_seconds_bucket",  // outbox write -> Kafka ack, the service's clock
            "postventa_relay_delay_seconds_count",
            "postventa_relay_delay_seconds_sum",
            // service-support, inbox and effect worker
            "postventa_inbox_retries_total",         // {consumer}
            "postventa_events_duplicate_total",      // {consumer, type}
            "postventa_events_skipped_total",        // {consumer, type}
            "postventa_effects_attempts_total",      // {kind, outcome}
            // returns-service, business KPIs (issue 9 §1)
            "postventa_return_units_total",          // {transition = requested|approved|rejected|received, reason, category, country}
            "postventa_returns_total",               // {transition, country}
            "postventa_sold_units_total",            // {category, country}
            "postventa_feedback_total",              // {kind = NPS|CSAT, score_band}
            "postventa_merchant_webhooks_total",     // {outcome = delivered|retried|failed}
            "postventa_return_time_to_label_seconds_bucket",
            "postventa_return_time_to_label_seconds_count",
            "postventa_return_time_to_label_seconds_sum",
            "postventa_return_time_to_receipt_seconds_bucket",
            "postventa_return_time_to_receipt_seconds_count",
            "postventa_return_time_to_receipt_seconds_sum",
            "postventa_return_time_to_refund_seconds_bucket",
            "postventa_return_time_to_refund_seconds_count",
            "postventa_return_time_to_refund_seconds_sum",
            // tracking-service
            "postventa_shipments_stalled",           // {carrier, status}
            "postventa_carrier_webhooks_total",      // {carrier, outcome = accepted|duplicate|rejected, reason}
            // refund-service
            "postventa_refunds_outcome_unknown_total", // {stage}
            "postventa_refunds_late_success_total",
            // Quarkus Micrometer: HTTP server and Kafka client binders
            "http_server_requests_seconds_count",    // {method, outcome, status, uri}
            "http_server_requests_seconds_sum",
            "http_server_requests_seconds_bucket",
            // per consumer client (one per channel): the largest partition lag it saw when it last polled. The
            // per-partition kafka_consumer_fetch_manager_records_lag is not exposed by these Kafka clients.
            "kafka_consumer_fetch_manager_records_lag_max", // {client_id}
            // Prometheus's own, per scrape target
            "up");

    /** PromQL words that look like metric names but are functions, aggregations or keywords. */
    private static final Set<String> PROMQL = Set.of("sum", "min", "max", "avg", "count", "rate", "irate",
            "increase", "deriv", "delta", "histogram_quantile", "by", "without", "on", "ignoring", "group_left",
            "group_right", "and", "or", "unless", "bool", "topk", "bottomk", "abs", "clamp_min", "clamp_max",
            "time", "vector", "offset", "absent", "changes", "resets", "le", "sort", "sort_desc");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void composeRunsMaintainedPinnedImagesWithItsMonitoringFilesMounted() throws IOException {
        Map<String, Object> services = map(yaml("docker-compose.yml").get("services"));
        assertThat(services).containsKeys("kafka-ui", "prometheus", "grafana");
        services.forEach((name, service) -> {
            Object image = map(service).get("image");
            if (image != null) {
                assertThat(image.toString()).as("image of %s is pinned", name)
                        .matches("[^:]+:[^:]+").doesNotEndWith(":latest").doesNotEndWith(":main");
            }
        });
        assertThat(map(services.get("kafka-ui")).get("image").toString()).startsWith("kafbat/kafka-ui:");
        assertThat(services.toString()).doesNotContain("provectuslabs");

        for (String monitoring : List.of("prometheus", "grafana")) {
            for (Object volume : list(map(services.get(monitoring)).get("volumes"))) {
                String source = volume.toString().split(":")[0];
                if (source.startsWith("./")) {
                    assertThat(ROOT.resolve(source)).as("%s mounts %s", monitoring, source).exists();
                }
            }
        }
    }

    @Test
    void prometheusScrapesEveryServiceOnItsManagementPort() throws IOException {
        Map<String, Object> config = yaml("docker/prometheus/prometheus.yml");
        assertThat(list(config.get("rule_files")).toString()).contains("alerts.yml");
        Map<String, Object> jobs = new java.util.HashMap<>();
        for (Object job : list(config.get("scrape_configs"))) {
            jobs.put(map(job).get("job_name").toString(), job);
        }
        assertThat(jobs.keySet()).containsAll(SERVICES);
        for (String service : SERVICES) {
            Map<String, Object> job = map(jobs.get(service));
            assertThat(job.get("metrics_path")).isEqualTo("/q/metrics");
            assertThat(list(map(list(job.get("static_configs")).get(0)).get("targets")))
                    .containsExactly(service + ":9000");
        }
    }

    @Test
    void theAlertRulesOperatorsNeedExistAndUseExposedMetrics() throws IOException {
        Map<String, Map<String, Object>> rules = new java.util.HashMap<>();
        for (Object group : list(yaml("docker/prometheus/alerts.yml").get("groups"))) {
            for (Object rule : list(map(group).get("rules"))) {
                rules.put(map(rule).get("alert").toString(), map(rule));
            }
        }
        assertThat(rules).containsKeys("PostventaConsumerLagHigh", "PostventaRelayNotStreaming",
                "PostventaDeadLetters", "PostventaSlotLagGrowing", "PostventaServiceDown", "PostventaShipmentsStalled");
        assertThat(rules.get("PostventaConsumerLagHigh").get("for")).isEqualTo("10m");
        assertThat(rules.get("PostventaRelayNotStreaming").get("for")).isEqualTo("2m");
        assertThat(rules.get("PostventaSlotLagGrowing").get("for")).isEqualTo("30m");
        assertThat(rules.get("PostventaSlotLagGrowing").get("expr").toString()).contains("deriv(");
        assertThat(rules.get("PostventaShipmentsStalled").get("for")).isEqualTo("30m");
        assertThat(rules.get("PostventaShipmentsStalled").get("expr").toString()).contains("postventa_shipments_stalled");
        rules.forEach((name, rule) -> assertThat(unknownMetrics(rule.get("expr").toString()))
                .as("metrics of alert %s not exposed by the services", name).isEmpty());
    }

    @Test
    void dashboardsAreProvisionedAndQueryOnlyExposedMetrics() throws IOException {
        assertThat(yaml("docker/grafana/provisioning/datasources/prometheus.yml").toString())
                .contains("uid=prometheus").contains("url=http://prometheus:9090");
        assertThat(yaml("docker/grafana/provisioning/dashboards/postventa.yml").toString())
                .contains("path=/var/lib/grafana/dashboards");

        List<Path> dashboards;
        try (Stream<Path> files = Files.list(ROOT.resolve("docker/grafana/dashboards"))) {
            dashboards = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(dashboards).extracting(f -> f.getFileName().toString()).contains("pipeline.json", "business.json");
        Set<String> uids = new TreeSet<>();
        Set<String> pipelineMetrics = new TreeSet<>();
        Set<String> businessMetrics = new TreeSet<>();
        for (Path file : dashboards) {
            JsonNode dashboard = json.readTree(file.toFile());
            assertThat(uids.add(dashboard.path("uid").asText())).as("unique uid in %s", file).isTrue();
            assertThat(dashboard.path("panels").size()).as("panels of %s", file).isPositive();
            for (JsonNode panel : dashboard.path("panels")) {
                assertThat(panel.path("datasource").path("uid").asText()).isEqualTo("prometheus");
                assertThat(panel.path("targets").size()).as("queries of panel %s", panel.path("title")).isPositive();
                for (JsonNode target : panel.path("targets")) {
                    String expr = target.path("expr").asText();
                    assertThat(unknownMetrics(expr)).as("metrics of panel '%s' in %s not exposed by the services",
                            panel.path("title").asText(), file.getFileName()).isEmpty();
                    if (file.endsWith("pipeline.json")) {
                        pipelineMetrics.addAll(metrics(expr));
                    }
                    if (file.endsWith("business.json")) {
                        businessMetrics.addAll(metrics(expr));
                    }
                }
            }
        }
        // What the pipeline dashboard is for: lag, relay state, slot lag, dead letters, webhooks and 5xx (HTTP).
        assertThat(pipelineMetrics).contains("postventa_consumer_group_lag", "postventa_relay_state",
                "postventa_relay_slot_lag_bytes", "postventa_dead_letter_depth", "http_server_requests_seconds_count",
                "postventa_carrier_webhooks_total");
        // And the business dashboard's: the KPIs of issue 9 §1.
        assertThat(businessMetrics).contains("postventa_return_units_total", "postventa_sold_units_total",
                "postventa_return_time_to_label_seconds_bucket", "postventa_return_time_to_receipt_seconds_bucket",
                "postventa_return_time_to_refund_seconds_bucket", "postventa_shipments_stalled",
                "postventa_carrier_webhooks_total");
    }

    @Test
    void theMetricNameCheckCatchesAnUnknownName() {
        assertThat(unknownMetrics("sum by (group, topic) (rate(postventa_consumer_lag_typo{job=\"x\"}[5m])) > 10"))
                .containsExactly("postventa_consumer_lag_typo");
        assertThat(unknownMetrics("max by (job) (postventa_relay_state{state=\"streaming\"}) == 0")).isEmpty();
    }

    static Set<String> unknownMetrics(String expr) {
        Set<String> unknown = new TreeSet<>(metrics(expr));
        unknown.removeAll(EXPOSED);
        return unknown;
    }

    /** The metric names of a PromQL expression: identifiers outside label matchers, grouping and ranges. */
    static Set<String> metrics(String expr) {
        String bare = expr.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")   // string literals
                .replaceAll("\\{[^}]*}", " ")                                // label matchers
                .replaceAll("\\[[^\\]]*\\]", " ")                                // range selectors
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(bare);
        while (identifier.find()) {
            String name = identifier.group();
            boolean partOfNumber = identifier.start() > 0 && Character.isDigit(bare.charAt(identifier.start() - 1));
            if (!PROMQL.contains(name) && !partOfNumber) {
                names.add(name);
            }
        }
        return names;
    }

    private static Map<String, Object> yaml(String file) throws IOException {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve(file))) {
            Map<String, Object> document = new Yaml().load(reader);
            assertThat(document).as(file).isNotEmpty();
            return document;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        assertThat(node).isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object node) {
        assertThat(node).isInstanceOf(List.class);
        return new ArrayList<>((List<Object>) node);
    }
}
