package dev.postventa.bench;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One line of the result table: what was measured, the same-run baseline it is compared with (if any), the ratio of
 * the two and the target from issue 8. Latency percentiles are in milliseconds, null when the figure is a rate only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Figure(String id, String name, double value, String unit, String baselineName, Double baseline,
                     String target, Latency latency, String note) {

    /** Percentiles in milliseconds. */
    public record Latency(double p50, double p90, double p99, double p999, double max, long count) {

        public static Latency of(LoadResult result) {
            return new Latency(result.percentileMillis(50), result.percentileMillis(90), result.percentileMillis(99),
                    result.percentileMillis(99.9), result.maxMillis(), result.latencyMicros().getTotalCount());
        }

        public static Latency ofMillis(org.HdrHistogram.Histogram millis) {
            if (millis.getTotalCount() == 0) {
                return new Latency(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
            }
            return new Latency(millis.getValueAtPercentile(50), millis.getValueAtPercentile(90),
                    millis.getValueAtPercentile(99), millis.getValueAtPercentile(99.9), millis.getMaxValue(),
                    millis.getTotalCount());
        }
    }

    public static Figure rate(String id, String name, double value, String unit, String baselineName, Double baseline,
                              String target, String note) {
        return new Figure(id, name, value, unit, baselineName, baseline, target, null, note);
    }

    public Figure withLatency(Latency latency) {
        return new Figure(id, name, value, unit, baselineName, baseline, target, latency, note);
    }

    /** measured / baseline, or null without a baseline. */
    @com.fasterxml.jackson.annotation.JsonProperty("ratio")
    public Double ratio() {
        return baseline == null || baseline == 0 ? null : value / baseline;
    }
}
