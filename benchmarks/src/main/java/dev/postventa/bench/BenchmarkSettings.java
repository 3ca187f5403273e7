package dev.postventa.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The benchmark's settings. Each is read from a command-line argument {@code --name=value}, else the env var
 * {@code BENCH_NAME} (upper case, '-' as '_'), else the system property {@code bench.name}, else its default; the
 * module's README lists them.
 */
public record BenchmarkSettings(Map<String, String> values) {

    public static BenchmarkSettings from(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("arguments are --name=value, not " + arg);
            }
            values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return new BenchmarkSettings(values);
    }

    public String text(String name, String fallback) {
        String value = values.get(name);
        if (value == null) {
            value = System.getenv("BENCH_" + name.toUpperCase().replace('-', '_'));
        }
        if (value == null) {
            value = System.getProperty("bench." + name);
        }
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    public int integer(String name, int fallback) {
        return Integer.parseInt(text(name, String.valueOf(fallback)).replace("_", ""));
    }

    public double rate(String name, double fallback) {
        return Double.parseDouble(text(name, String.valueOf(fallback)));
    }

    /** A duration as {@code 20s}, {@code 500ms} or {@code 2m}. */
    public Duration duration(String name, Duration fallback) {
        String value = text(name, null);
        if (value == null) {
            return fallback;
        }
        if (value.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
        }
        if (value.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
        }
        return Duration.ofSeconds(Long.parseLong(value.endsWith("s") ? value.substring(0, value.length() - 1) : value));
    }

    /** True when the benchmark starts the local stack itself; false with {@code --target=running}. */
    public boolean startsStack() {
        String target = text("target", "start");
        if (!target.equals("start") && !target.equals("running")) {
            throw new IllegalArgumentException("--target is 'start' or 'running', not " + target);
        }
        return target.equals("start");
    }

    public Path outputDir(Path root) {
        return Path.of(text("out", root.resolve("benchmarks/target/benchmark-results").toString()));
    }

    /** How long each fixed-rate and maximum-rate run lasts. */
    public Duration runDuration() {
        return duration("duration", Duration.ofSeconds(20));
    }

    /** The target of a stack started elsewhere ({@code ./local-stack.sh} by default). */
    public Target runningTarget() {
        return new Target(text("returns-url", "http://localhost:8081"), text("tracking-url", "http://localhost:8082"),
                text("refund-url", "http://localhost:8083"), text("notification-url", "http://localhost:8084"),
                text("kafka", "localhost:9092"), text("postgres-host", "localhost"), integer("postgres-port", 5432),
                text("postgres-user", "postventa"), text("postgres-password", "postventa"),
                text("webhook-secret", dev.postventa.localstack.LocalStack.LOCAL_WEBHOOK_SECRET), null);
    }
}
