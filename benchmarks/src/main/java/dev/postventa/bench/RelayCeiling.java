package dev.postventa.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Scenario 3's second half: how many events per second one service's relay moves from the WAL to Kafka. N outbox rows
 * are committed in one transaction straight into returns-service's {@code outbox_event} (inserted and deleted, as
 * {@code OutboxWriter} does), addressed to the topic {@code bench.relay} that no service consumes; the ceiling is
 * N over the time from that commit to the broker's timestamp of the last record.
 */
final class RelayCeiling {

    static final String TOPIC = "bench.relay";
    private final Bench bench;

    RelayCeiling(Bench bench) {
        this.bench = bench;
    }

    void run() throws Exception {
        int events = bench.settings.integer("relay-events", 20_000);
        // One event first, so that creating the topic and the relay's first send are not part of the figure.
        commit("warm-" + bench.run, 1);
        bench.kafka.read(TOPIC, Map.of(), r -> r.key().startsWith("warm-" + bench.run), 1, bench.patience());

        Map<TopicPartition, Long> before = bench.kafka.endOffsets(TOPIC);
        String marker = "relay-" + bench.run;
        long committedAt = commit(marker, events);
        List<ConsumerRecord<String, byte[]>> records = bench.kafka.read(TOPIC, before,
                r -> r.key().startsWith(marker), events, bench.patience());
        long last = records.stream().mapToLong(ConsumerRecord::timestamp).max().orElse(committedAt);
        double seconds = Math.max(0.001, (last - committedAt) / 1000.0);
        bench.report.add(Figure.rate("relay-ceiling", "relay ceiling, returns-service (" + events
                        + " outbox rows in one commit)", records.size() / seconds, "events/s", "producer rec/s",
                bench.producerBaseline(), "≥ 10,000 events/s",
                records.size() + " of " + events + " relayed in " + Report.number(seconds) + " s"));
    }

    /** Commits {@code count} outbox rows keyed {@code marker-i}; returns the wall-clock millis after the commit. */
    private long commit(String marker, int count) throws SQLException {
        try (Connection c = DriverManager.getConnection(bench.target.jdbcUrl("returns"), bench.target.postgresUser(),
                bench.target.postgresPassword())) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO outbox_event (id, aggregate_type, aggregate_id, event_type, topic, payload, occurred_at)
                    SELECT gen_random_uuid(), 'bench', ? || '-' || g, 'dev.postventa.bench.relay.v1', ?,
                           jsonb_build_object('n', g, 'benchmark', 'relay ceiling'), now()
                    FROM generate_series(1, ?) g""");
                 PreparedStatement delete = c.prepareStatement(
                         "DELETE FROM outbox_event WHERE aggregate_type = 'bench' AND aggregate_id LIKE ?")) {
                insert.setString(1, marker);
                insert.setString(2, TOPIC);
                insert.setInt(3, count);
                insert.executeUpdate();
                delete.setString(1, marker + "-%");
                delete.executeUpdate();
            }
            c.commit();
            return System.currentTimeMillis();
        }
    }
}
