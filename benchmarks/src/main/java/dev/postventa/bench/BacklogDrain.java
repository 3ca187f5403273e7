package dev.postventa.bench;

/**
 * Scenario 4: N storefront order events put on the topic as fast as the broker takes them, then drained by
 * returns-service; the rate is N over the time from the first send until its read model holds all N orders (read in
 * its database, so the consumer's offset-commit interval does not blur the figure).
 */
final class BacklogDrain {

    private final Bench bench;

    BacklogDrain(Bench bench) {
        this.bench = bench;
    }

    void run() throws Exception {
        int events = bench.settings.integer("backlog", 100_000);
        String prefix = "BB-" + bench.run;
        var orders = ReturnsFixture.orderIds(prefix, events).stream().map(id -> Kafka.deliveredOrder(id, 1)).toList();
        long start = System.nanoTime();
        double intake = bench.kafka.publishOrders(orders);
        bench.fixture.awaitOrderSnapshots(prefix, events, bench.patience().plusSeconds(events / 100));
        double seconds = (System.nanoTime() - start) / 1e9;
        bench.report.add(Figure.rate("backlog-drain", "storefront backlog of " + events + " events drained by "
                        + "returns-service", events / seconds, "events/s", "broker intake ev/s", events / intake,
                "≥ 5,000 events/s per consumer service", "broker took them in " + Report.number(intake) + " s"));
    }
}
