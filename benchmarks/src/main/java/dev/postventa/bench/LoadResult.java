package dev.postventa.bench;

import org.HdrHistogram.Histogram;

/**
 * What one load run measured: requests sent and answered as expected, the rate achieved, and the latency
 * distribution in microseconds (for an open-loop run, from each request's intended start, so a stalled server shows as
 * latency instead of a slower send rate).
 */
public record LoadResult(String name, double requestedRate, long sent, long ok, long errors, double seconds,
                         Histogram latencyMicros) {

    /** Answers per second that were as expected. */
    public double throughput() {
        return seconds <= 0 ? 0 : ok / seconds;
    }

    public double percentileMillis(double percentile) {
        return latencyMicros.getTotalCount() == 0 ? Double.NaN
                : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    public double maxMillis() {
        return latencyMicros.getTotalCount() == 0 ? Double.NaN : latencyMicros.getMaxValue() / 1000.0;
    }
}
