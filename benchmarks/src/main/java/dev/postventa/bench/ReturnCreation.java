package dev.postventa.bench;

import dev.postventa.events.Topics;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Scenario 2: {@code POST /returns} on distinct orders (fixed rate, then the maximum) and on one order with many
 * returns (the maximum, twice in a row, to show whether a return costs more as the order's returns pile up); and
 * scenario 3's first half: the outbox commit → Kafka latency of the events those returns published.
 */
final class ReturnCreation {

    private final Bench bench;

    ReturnCreation(Bench bench) {
        this.bench = bench;
    }

    void distinctOrders() throws Exception {
        double rate = bench.settings.rate("return-rate", 500);
        int connections = bench.settings.integer("return-connections", 16);
        int fixedCount = (int) Math.ceil(rate * bench.runDuration().toMillis() / 1000.0);
        // The maximum run cannot know its count in advance: it gets a pool, and running dry shows as errors.
        int maxPool = bench.settings.integer("return-max-pool", 4000);
        String prefix = "BR-" + bench.run;
        bench.fixture.publishAndAwaitOrders(prefix, fixedCount + maxPool, 1, bench.patience());
        List<String> orders = ReturnsFixture.orderIds(prefix, fixedCount + maxPool);
        AtomicInteger next = new AtomicInteger();

        Map<TopicPartition, Long> before = bench.kafka.endOffsets(Topics.RETURNS);
        LoadResult fixed = OpenLoop.fixedRate("returns-fixed", rate, bench.runDuration(), bench.maxInFlight(),
                i -> create(orders, next));
        bench.report.add(Figure.rate("returns-fixed", "POST /returns, distinct orders, at " + Report.number(rate) + "/s",
                fixed.throughput(), "req/s", null, null, "p99 ≤ 50 ms at 500/s", fixed.errors() + " errors")
                .withLatency(Figure.Latency.of(fixed)));
        outboxLatency(before, fixed);

        LoadResult max = OpenLoop.saturate("returns-max", connections, bench.runDuration(), i -> create(orders, next));
        bench.report.add(Figure.rate("returns-max", "POST /returns, distinct orders, maximum (" + connections
                        + " connections)", max.throughput(), "req/s", bench.insertRateName, bench.insertBaseline(),
                "≥ 0.1 × insert rate", max.errors() + " errors").withLatency(Figure.Latency.of(max)));
    }

    void oneOrder() throws Exception {
        int connections = bench.settings.integer("return-connections", 16);
        String orderId = "BO-" + bench.run + "-0";
        bench.fixture.publishAndAwaitOrders("BO-" + bench.run, 1, 1_000_000, bench.patience());
        AtomicInteger keys = new AtomicInteger();
        LoadResult first = OpenLoop.saturate("one-order-1", connections, bench.runDuration(),
                i -> oneUnit(orderId, keys));
        int earlier = first.ok() > 0 ? (int) first.ok() : 0;
        LoadResult second = OpenLoop.saturate("one-order-2", connections, bench.runDuration(),
                i -> oneUnit(orderId, keys));
        bench.report.add(Figure.rate("returns-one-order", "POST /returns, one order, maximum (" + connections
                        + " connections)", second.throughput(), "req/s", bench.insertRateName, bench.insertBaseline(),
                "≥ 0.1 × insert rate", second.errors() + " errors, after " + earlier + " earlier returns")
                .withLatency(Figure.Latency.of(second)));
        double growth = first.throughput() == 0 ? Double.NaN : second.throughput() / first.throughput();
        bench.report.add(Figure.rate("returns-one-order-growth", "one order: rate of the 2nd run / rate of the 1st",
                growth, "×", null, null, "≈ 1 (cost does not grow with earlier returns)",
                Report.number(first.throughput()) + " then " + Report.number(second.throughput()) + " req/s"));
    }

    private void outboxLatency(Map<TopicPartition, Long> before, LoadResult fixed) {
        // Every accepted return publishes ReturnRequested and ReturnApproved (auto-approval, the default policy).
        int expected = (int) (2 * fixed.ok());
        Histogram millis = new Histogram(TimeUnit.HOURS.toMillis(1), 3);
        List<ConsumerRecord<String, byte[]>> records = bench.kafka.read(Topics.RETURNS, before,
                r -> "returns-service".equals(Kafka.header(r, "ce_source")) && Kafka.header(r, "ce_time") != null,
                expected, bench.patience());
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (ConsumerRecord<String, byte[]> r : records) {
            long committed = Instant.parse(Kafka.header(r, "ce_time")).toEpochMilli();
            millis.recordValue(Math.max(0, Math.min(r.timestamp() - committed, millis.getHighestTrackableValue())));
            first = Math.min(first, r.timestamp());
            last = Math.max(last, r.timestamp());
        }
        double rate = records.size() / Math.max(fixed.seconds(), (last - first) / 1000.0);
        bench.report.add(Figure.rate("outbox-latency", "outbox commit → Kafka (record time − ce_time) while returns "
                        + "were created at " + Report.number(fixed.requestedRate()) + "/s", rate, "events/s", null,
                null, "p99 ≤ 100 ms at 2,000 events/s", records.size() + " of " + expected + " events")
                .withLatency(Figure.Latency.ofMillis(millis)));
    }

    private CompletableFuture<Boolean> create(List<String> orders, AtomicInteger next) {
        int i = next.getAndIncrement();
        if (i >= orders.size()) {
            return CompletableFuture.completedFuture(false);
        }
        return bench.fixture.createReturn(orders.get(i), "bench-" + orders.get(i), 1).thenApply(ReturnCreation::created);
    }

    private CompletableFuture<Boolean> oneUnit(String orderId, AtomicInteger keys) {
        return bench.fixture.createReturn(orderId, "bench-" + orderId + "-" + keys.getAndIncrement(), 1)
                .thenApply(ReturnCreation::created);
    }

    private static boolean created(HttpResponse<String> response) {
        return response.statusCode() == 201;
    }
}
