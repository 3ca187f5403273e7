package dev.postventa.bench;

import java.time.Duration;

/**
 * What every scenario works with: the settings, the system under test and its clients, the report, and the same-run
 * baselines that ratios are taken against (NaN until measured).
 */
public final class Bench {

    final BenchmarkSettings settings;
    final Target target;
    final Http http;
    final Kafka kafka;
    final ReturnsFixture fixture;
    final Report report;
    final String run = Kafka.runId();
    double insertRate = Double.NaN;
    String insertRateName = "INSERT/s";
    double producerRate = Double.NaN;

    Bench(BenchmarkSettings settings, Target target, Http http, Kafka kafka, Report report) {
        this.settings = settings;
        this.target = target;
        this.http = http;
        this.kafka = kafka;
        this.fixture = new ReturnsFixture(target, http, kafka);
        this.report = report;
    }

    Duration runDuration() {
        return settings.runDuration();
    }

    /** How long to wait for the system to catch up with work it was given (never a measured figure). */
    Duration patience() {
        return settings.duration("patience", Duration.ofMinutes(5));
    }

    int maxInFlight() {
        return settings.integer("max-in-flight", 512);
    }

    Double insertBaseline() {
        return Double.isNaN(insertRate) ? null : insertRate;
    }

    Double producerBaseline() {
        return Double.isNaN(producerRate) ? null : producerRate;
    }
}
