package dev.postventa.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Collects the figures of one run and writes them out: the table on the console, results.json and chart.html. */
public final class Report {

    private final List<Figure> figures = new ArrayList<>();
    private final Map<String, Object> machine = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();

    public Report() {
        machine.put("cpus", Runtime.getRuntime().availableProcessors());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("startedAt", Instant.now().toString());
    }

    public synchronized void add(Figure figure) {
        figures.add(figure);
        System.out.println("  measured: " + figure.name() + " = " + measured(figure));
    }

    /** A scenario that could not run: it is reported, and the others still run. */
    public synchronized void failed(String scenario, Exception e) {
        failures.add(scenario + ": " + e);
        System.out.println("  FAILED: " + scenario + ": " + e);
    }

    public List<Figure> figures() {
        return List.copyOf(figures);
    }

    public synchronized void put(String key, Object value) {
        machine.put(key, value);
    }

    public synchronized Object machine(String key) {
        return machine.get(key);
    }

    public String table() {
        String[] head = {"figure", "measured", "baseline (same run)", "ratio", "target"};
        List<String[]> rows = new ArrayList<>();
        for (Figure f : figures) {
            rows.add(new String[] {f.name(), measured(f),
                    f.baseline() == null ? "" : f.baselineName() + " " + number(f.baseline()),
                    f.ratio() == null ? "" : String.format(Locale.ROOT, "%.3f×", f.ratio()),
                    f.target() == null ? "" : f.target()});
        }
        int[] widths = new int[head.length];
        for (int i = 0; i < head.length; i++) {
            widths[i] = head[i].length();
            for (String[] row : rows) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        appendRow(out, head, widths);
        String[] rule = new String[head.length];
        for (int i = 0; i < head.length; i++) {
            rule[i] = "-".repeat(widths[i]);
        }
        appendRow(out, rule, widths);
        rows.forEach(row -> appendRow(out, row, widths));
        failures.forEach(f -> out.append("not measured: ").append(f).append('\n'));
        return out.toString();
    }

    /** Writes results.json, chart.html and table.md into {@code dir}; returns the chart's path. */
    public Path write(Path dir) {
        try {
            Files.createDirectories(dir);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("machine", machine);
            json.put("figures", figures);
            json.put("notMeasured", failures);
            Files.writeString(dir.resolve("results.json"), Http.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(json));
            Files.writeString(dir.resolve("table.md"), markdown());
            Path chart = dir.resolve("chart.html");
            Files.writeString(chart, LatencyChart.html(figures, machine, table()));
            return chart;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The table as Markdown, ready for the README's Performance section. */
    public String markdown() {
        StringBuilder out = new StringBuilder("| figure | measured | baseline (same run) | ratio | target |\n"
                + "| --- | --- | --- | --- | --- |\n");
        for (Figure f : figures) {
            out.append("| ").append(f.name()).append(" | ").append(measured(f)).append(" | ")
                    .append(f.baseline() == null ? "" : f.baselineName() + " " + number(f.baseline())).append(" | ")
                    .append(f.ratio() == null ? "" : String.format(Locale.ROOT, "%.3f×", f.ratio())).append(" | ")
                    .append(f.target() == null ? "" : f.target()).append(" |\n");
        }
        return out.toString();
    }

    static String measured(Figure f) {
        StringBuilder text = new StringBuilder(number(f.value())).append(' ').append(f.unit());
        if (f.latency() != null) {
            text.append(String.format(Locale.ROOT, ", p50 %s ms, p99 %s ms", number(f.latency().p50()),
                    number(f.latency().p99())));
        }
        if (f.note() != null) {
            text.append(" (").append(f.note()).append(')');
        }
        return text.toString();
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 10 ? "%.1f" : "%.2f", value);
    }

    private static void appendRow(StringBuilder out, String[] row, int[] widths) {
        for (int i = 0; i < row.length; i++) {
            out.append(i == 0 ? "" : " | ").append(row[i]).append(" ".repeat(widths[i] - row[i].length()));
        }
        out.append('\n');
    }
}
