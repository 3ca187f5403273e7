package dev.postventa.bench;

import dev.postventa.infra.FreePorts;
import dev.postventa.localstack.LocalStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./benchmark.sh}: starts the local stack (or targets a running one with {@code --target=running}), measures
 * the same-run baselines and the scenarios, prints the table and writes results.json, table.md and chart.html.
 */
public final class PostventaBenchmark {

    /** Every scenario, in the order they run. */
    public static final List<String> SCENARIOS = List.of("baselines", "webhooks", "returns", "one-order", "relay",
            "backlog", "peak", "footprint");

    private PostventaBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        Path root = Path.of(System.getProperty("postventa.root", ".")).toAbsolutePath().normalize();
        BenchmarkSettings settings = BenchmarkSettings.from(args);
        Report report = run(settings, root);
        Path chart = report.write(settings.outputDir(root));
        System.out.println("\n" + report.table());
        System.out.println("Results: " + chart.getParent().resolve("results.json") + "\nChart:   " + chart);
        System.exit(0);
    }

    /** Runs the selected scenarios and returns their figures (written nowhere yet). */
    public static Report run(BenchmarkSettings settings, Path root) throws Exception {
        Set<String> selected = Set.copyOf(List.of(settings.text("scenarios", String.join(",", SCENARIOS)).split(",")));
        Report report = new Report();
        LocalStack stack = null;
        try {
            Target target;
            if (settings.startsStack()) {
                long start = System.nanoTime();
                System.out.println("Starting the local stack ...");
                stack = new LocalStack(stackSettings(settings, root)).start();
                report.put("seconds.local-stack-start", Math.round((System.nanoTime() - start) / 1e7) / 100.0);
                System.out.println("  local stack ready in " + report.machine("seconds.local-stack-start") + " s");
                target = Target.of(stack);
                BenchmarkAuth.use(stack.opsToken(java.time.Duration.ofHours(12)));
            } else {
                target = settings.runningTarget();
            }
            report.put("target", settings.startsStack() ? "local stack started by the benchmark" : target.returnsUrl());
            report.put("settings", settings.values());
            try (Http http = new Http(); Kafka kafka = new Kafka(target.kafkaBootstrap());
                 ServiceFootprint footprint = stack == null ? null : new ServiceFootprint(stack)) {
                Bench bench = new Bench(settings, target, http, kafka, report);
                runScenarios(bench, selected, footprint);
            }
        } finally {
            if (stack != null) {
                stack.close();
            }
        }
        return report;
    }

    private static void runScenarios(Bench bench, Set<String> selected, ServiceFootprint footprint) {
        Report report = bench.report;
        if (selected.contains("baselines")) {
            step(report, "baselines", () -> baselines(bench));
        }
        if (selected.contains("webhooks")) {
            step(report, "webhooks", () -> new WebhookIngest(bench).run());
        }
        if (selected.contains("returns")) {
            step(report, "returns", () -> new ReturnCreation(bench).distinctOrders());
        }
        if (selected.contains("one-order")) {
            step(report, "one-order", () -> new ReturnCreation(bench).oneOrder());
        }
        if (selected.contains("relay")) {
            step(report, "relay", () -> new RelayCeiling(bench).run());
        }
        if (selected.contains("backlog")) {
            step(report, "backlog", () -> new BacklogDrain(bench).run());
        }
        if (selected.contains("peak")) {
            step(report, "peak", () -> new PeakMix(bench).run());
        }
        if (selected.contains("footprint")) {
            step(report, "footprint", () -> {
                if (footprint == null) {
                    throw new IllegalStateException("needs the stack the benchmark starts itself (--target=start)");
                }
                footprint.maxRssMb().forEach((service, mb) -> report.add(Figure.rate("rss-" + service,
                        "RSS under load, " + service + " (max sampled)", mb, "MB", null, null, "≤ 256 MB", null)));
                String service = bench.settings.text("startup-service", "returns-service");
                report.add(Figure.rate("ready-" + service, "time to ready, " + service + " alone (restarted)",
                        footprint.timeToReady(service), "s", null, null, "≤ 3 s, relay streaming included", null));
            });
        }
    }

    private static void baselines(Bench bench) throws Exception {
        Duration duration = bench.settings.duration("baseline-duration", Duration.ofSeconds(10));
        int clients = bench.settings.integer("baseline-clients", 8);
        Baselines baselines = new Baselines(bench.target, duration, clients);
        if (bench.target.stack() != null) {
            bench.target.stack().postgres().createDatabaseIfMissing(Baselines.DATABASE);
        }
        double jdbc = baselines.jdbcInsertRate();
        bench.report.add(Figure.rate("baseline-insert-jdbc", "PostgreSQL single-row INSERT, JDBC loop, " + clients
                + " clients", jdbc, "rows/s", null, null, null, null));
        bench.insertRate = jdbc;
        bench.insertRateName = "JDBC INSERT/s";
        double pgbench = baselines.pgbenchInsertRate();
        if (!Double.isNaN(pgbench)) {
            bench.report.add(Figure.rate("baseline-insert-pgbench", "PostgreSQL single-row INSERT, pgbench, " + clients
                    + " clients", pgbench, "TPS", null, null, null, null));
            bench.insertRate = pgbench;
            bench.insertRateName = "pgbench TPS";
        }
        bench.producerRate = baselines.kafkaProducerRate(bench.settings.integer("producer-record-bytes", 700));
        bench.report.add(Figure.rate("baseline-producer", "Kafka producer, acks=all, idempotent, "
                + bench.settings.integer("producer-record-bytes", 700) + " B records", bench.producerRate, "records/s",
                null, null, null, null));
    }

    /** A step that fails is reported as not measured; the next one still runs. */
    private static void step(Report report, String name, Step step) {
        System.out.println("Scenario " + name + " ...");
        long start = System.nanoTime();
        try {
            step.run();
        } catch (Exception e) {
            report.failed(name, e);
        } finally {
            report.put("seconds." + name, Math.round((System.nanoTime() - start) / 1e7) / 100.0);
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    /**
     * Free ports; with {@code --durable=true} (the default) PostgreSQL and Kafka keep their data in a fresh folder and
     * PostgreSQL runs with fsync on, as {@code ./local-stack.sh} does; {@code false} is the tests' throwaway setup.
     */
    private static LocalStack.Settings stackSettings(BenchmarkSettings settings, Path root) throws Exception {
        if (!Boolean.parseBoolean(settings.text("durable", "true"))) {
            return LocalStack.Settings.throwaway(root);
        }
        Path data = settings.outputDir(root).resolve("stack-data");
        if (Files.exists(data)) {
            try (var paths = Files.walk(data)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Map<String, Integer> ports = new LinkedHashMap<>();
        LocalStack.START_ORDER.forEach(s -> ports.put(s, FreePorts.next()));
        return new LocalStack.Settings(root, data, FreePorts.next(), FreePorts.next(), FreePorts.next(), ports,
                Map.of());
    }
}
