package dev.postventa.support.relay;

import dev.postventa.support.DatabaseConfig;
import java.util.Properties;

/** Builds the embedded engine's configuration: the PostgreSQL connector on the outbox table, offsets in PostgreSQL. */
final class DebeziumProperties {

    private DebeziumProperties() {
    }

    static Properties of(String serviceName, DatabaseConfig db, RelayConfig relay, String bootstrapServers) {
        Properties p = new Properties();
        p.setProperty("name", serviceName + "-outbox-relay");
        p.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        p.setProperty("tasks.max", "1");
        p.setProperty("topic.prefix", serviceName);

        p.setProperty("database.hostname", db.host());
        p.setProperty("database.port", String.valueOf(db.port()));
        p.setProperty("database.user", db.user());
        p.setProperty("database.password", db.password());
        p.setProperty("database.dbname", db.name());

        p.setProperty("plugin.name", "pgoutput");
        p.setProperty("slot.name", relay.slotName());
        p.setProperty("publication.name", relay.publicationName());
        p.setProperty("publication.autocreate.mode", "filtered");
        p.setProperty("table.include.list", "public.outbox_event");
        // The outbox is always empty at rest: there is nothing to snapshot, only the stream matters.
        p.setProperty("snapshot.mode", "no_data");
        p.setProperty("tombstones.on.delete", "false");
        p.setProperty("poll.interval.ms", String.valueOf(relay.pollInterval().toMillis()));
        p.setProperty("max.batch.size", String.valueOf(relay.maxBatchSize()));
        p.setProperty("max.queue.size", String.valueOf(relay.maxQueueSize()));
        p.setProperty("heartbeat.interval.ms", String.valueOf(relay.heartbeatInterval().toMillis()));
        // A failing task ends the engine so that our supervisor restarts it with backoff and readiness shows it.
        p.setProperty("errors.max.retries", "0");

        p.setProperty("offset.storage", "io.debezium.storage.jdbc.offset.JdbcOffsetBackingStore");
        p.setProperty("offset.storage.jdbc.connection.url", db.jdbcUrl());
        p.setProperty("offset.storage.jdbc.connection.user", db.user());
        p.setProperty("offset.storage.jdbc.connection.password", db.password());
        p.setProperty("offset.storage.jdbc.table.name", relay.offsetsTable());
        p.setProperty("offset.flush.interval.ms", String.valueOf(relay.offsetFlushInterval().toMillis()));

        // Kafka Connect 4.x validates its worker config even when embedded; the engine itself produces nothing.
        p.setProperty("bootstrap.servers", bootstrapServers);
        return p;
    }
}
