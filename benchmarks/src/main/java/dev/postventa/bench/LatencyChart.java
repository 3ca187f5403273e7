package dev.postventa.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A self-contained HTML page (inline SVG, no script, nothing fetched) with one row per figure that has latencies:
 * bars for p50, p90, p99 and p99.9 on a logarithmic millisecond axis, so 2 ms and 5 s fit on one chart.
 */
final class LatencyChart {

    private static final String[] LABELS = {"p50", "p90", "p99", "p99.9"};
    private static final String[] COLOURS = {"#4e79a7", "#59a14f", "#f28e2b", "#e15759"};
    private static final int LEFT = 330;
    private static final int WIDTH = 620;
    private static final int ROW = 64;

    private LatencyChart() {
    }

    static String html(List<Figure> figures, Map<String, Object> machine, String table) {
        List<Figure> rows = figures.stream().filter(f -> f.latency() != null && f.latency().count() > 0).toList();
        double max = rows.stream().mapToDouble(f -> f.latency().p999()).filter(v -> !Double.isNaN(v)).max().orElse(1);
        double decades = Math.max(1, Math.ceil(Math.log10(Math.max(max, 1.0))) + 1); // from 0.1 ms
        int height = 50 + rows.size() * ROW + 40;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' font-family='sans-serif' "
                        + "font-size='12'>", LEFT + WIDTH + 40, height));
        for (int d = 0; d <= decades; d++) {
            double x = LEFT + WIDTH * d / decades;
            svg.append(String.format(Locale.ROOT, "<line x1='%.1f' y1='30' x2='%.1f' y2='%d' stroke='#ddd'/>"
                    + "<text x='%.1f' y='22' text-anchor='middle'>%s ms</text>", x, x, height - 30, x,
                    Report.number(Math.pow(10, d - 1))));
        }
        for (int r = 0; r < rows.size(); r++) {
            Figure f = rows.get(r);
            double[] values = {f.latency().p50(), f.latency().p90(), f.latency().p99(), f.latency().p999()};
            int top = 40 + r * ROW;
            svg.append(String.format(Locale.ROOT, "<text x='%d' y='%d' text-anchor='end'>%s</text>", LEFT - 8, top + 30,
                    escape(f.name())));
            for (int i = 0; i < values.length; i++) {
                double w = Double.isNaN(values[i]) ? 0 : WIDTH * (Math.log10(Math.max(values[i], 0.1)) + 1) / decades;
                svg.append(String.format(Locale.ROOT, "<rect x='%d' y='%d' width='%.1f' height='12' fill='%s'>"
                        + "<title>%s %s ms</title></rect><text x='%.1f' y='%d' font-size='10'>%s %s</text>", LEFT,
                        top + i * 13, w, COLOURS[i], LABELS[i], Report.number(values[i]), LEFT + w + 4, top + i * 13 + 10,
                        LABELS[i], Report.number(values[i])));
            }
        }
        svg.append("</svg>");
        return """
                <!doctype html><html><head><meta charset="utf-8"><title>Postventa benchmark</title>
                <style>body{font-family:sans-serif;margin:2em}pre{background:#f6f6f6;padding:1em;overflow-x:auto}</style>
                </head><body><h1>Postventa benchmark</h1><p>%s</p><h2>Latency percentiles (logarithmic axis)</h2>%s
                <h2>Table</h2><pre>%s</pre></body></html>
                """.formatted(escape(machine.toString()), svg, escape(table));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;");
    }
}
