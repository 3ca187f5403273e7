package dev.postventa.support.relay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postventa.support.DatabaseConfig;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class DebeziumPropertiesTest {

    private final Properties properties = DebeziumProperties.of("refund-service", new Database(), new Relay(),
            "localhost:19092");

    @Test
    void theConnectorStreamsOnlyTheOutboxTableThroughThisServicesSlot() {
        assertThat(properties)
                .containsEntry("connector.class", "io.debezium.connector.postgresql.PostgresConnector")
                .containsEntry("plugin.name", "pgoutput")
                .containsEntry("slot.name", "refund_outbox")
                .containsEntry("publication.name", "refund_outbox_pub")
                .containsEntry("publication.autocreate.mode", "filtered")
                .containsEntry("table.include.list", "public.outbox_event")
                .containsEntry("topic.prefix", "refund-service");
    }

    @Test
    void theEmptyOutboxIsNotSnapshottedAndItsDeletesLeaveNoTombstones() {
        assertThat(properties)
                .containsEntry("snapshot.mode", "no_data")
                .containsEntry("tombstones.on.delete", "false");
    }

    @Test
    void offsetsAreKeptInTheServicesOwnDatabase() {
        assertThat(properties)
                .containsEntry("offset.storage", "io.debezium.storage.jdbc.offset.JdbcOffsetBackingStore")
                .containsEntry("offset.storage.jdbc.connection.url", "jdbc:postgresql://db.internal:6543/refunds")
                .containsEntry("offset.storage.jdbc.connection.user", "refunds")
                .containsEntry("offset.storage.jdbc.table.name", "outbox_relay_offsets")
                .containsEntry("offset.flush.interval.ms", "1000");
    }

    @Test
    void theConnectionHeartbeatAndFailureSettingsComeFromTheConfig() {
        assertThat(properties)
                .containsEntry("database.hostname", "db.internal")
                .containsEntry("database.port", "6543")
                .containsEntry("database.dbname", "refunds")
                .containsEntry("heartbeat.interval.ms", "10000")
                .containsEntry("poll.interval.ms", "10")
                .containsEntry("max.batch.size", "4096")
                .containsEntry("max.queue.size", "16384")
                .containsEntry("errors.max.retries", "0")
                .containsEntry("bootstrap.servers", "localhost:19092");
    }

    private static final class Database implements DatabaseConfig {
        @Override
        public String host() {
            return "db.internal";
        }

        @Override
        public int port() {
            return 6543;
        }

        @Override
        public String name() {
            return "refunds";
        }

        @Override
        public String user() {
            return "refunds";
        }

        @Override
        public String password() {
            return "secret";
        }
    }

    private static final class Relay implements RelayConfig {
        @Override
        public boolean enabled() {
            return true;
        }

        @Override
        public String slotName() {
            return "refund_outbox";
        }

        @Override
        public String publicationName() {
            return "refund_outbox_pub";
        }

        @Override
        public Duration startupTimeout() {
            return Duration.ofSeconds(90);
        }

        @Override
        public Duration initialBackoff() {
            return Duration.ofSeconds(1);
        }

        @Override
        public Duration maxBackoff() {
            return Duration.ofSeconds(30);
        }

        @Override
        public Duration offsetFlushInterval() {
            return Duration.ofSeconds(1);
        }

        @Override
        public Duration heartbeatInterval() {
            return Duration.ofSeconds(10);
        }

        @Override
        public Duration pollInterval() {
            return Duration.ofMillis(10);
        }

        @Override
        public int maxBatchSize() {
            return 4096;
        }

        @Override
        public int maxQueueSize() {
            return 16384;
        }

        @Override
        public String offsetsTable() {
            return "outbox_relay_offsets";
        }

        @Override
        public Duration sendTimeout() {
            return Duration.ofSeconds(60);
        }

        @Override
        public Duration lockCheckInterval() {
            return Duration.ofSeconds(5);
        }

        @Override
        public boolean acceptNewSlot() {
            return false;
        }
    }
}
