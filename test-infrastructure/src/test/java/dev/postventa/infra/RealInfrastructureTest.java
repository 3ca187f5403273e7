package dev.postventa.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.postgresql.PGProperty;
import org.postgresql.replication.ReplicationSlotInfo;

/** The infrastructure the tests run on is the real thing: a Kafka broker that stores records, a logical-decoding PostgreSQL. */
class RealInfrastructureTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void kafkaStoresAndReturnsRecords() {
        PostventaInfrastructure infra = PostventaInfrastructure.get();
        String topic = "infra-check-" + UUID.randomUUID();
        try (KafkaTestClient kafka = new KafkaTestClient(infra.bootstrapServers())) {
            kafka.send(topic, "k1", "hola".getBytes(StandardCharsets.UTF_8), Map.of("h", "v"));
            kafka.sendCloudEvent(topic, "k2", "e-1", "dev.postventa.check", "infra-test",
                    "{\"ok\":true}".getBytes(StandardCharsets.UTF_8));

            List<ConsumerRecord<String, byte[]>> records = kafka.awaitRecords(topic, r -> "k1".equals(r.key()), 1, WAIT);
            assertThat(new String(records.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("hola");
            assertThat(KafkaTestClient.header(records.get(0), "h")).isEqualTo("v");

            // The plain record on the same topic is no CloudEvent and must simply not match.
            List<CloudEvent> events = kafka.awaitCloudEvents(topic, e -> "e-1".equals(e.getId()), 1, WAIT);
            assertThat(events.get(0).getType()).isEqualTo("dev.postventa.check");
            assertThat(events.get(0).getSubject()).isEqualTo("k2");
            assertThat(new String(events.get(0).getData().toBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"ok\":true}");

            kafka.assertNoRecords(topic, r -> "k3".equals(r.key()), Duration.ofSeconds(1));
            assertThatThrownBy(() -> kafka.assertNoRecords(topic, r -> "k1".equals(r.key()), WAIT))
                    .isInstanceOf(AssertionError.class);
        }
    }

    @Test
    void serviceDatabasesSupportLogicalReplicationForTheServiceRole() throws Exception {
        PostventaInfrastructure infra = PostventaInfrastructure.get();
        Map<String, String> config = infra.forService("infra_check");
        assertThat(infra.forService("infra_check")).isEqualTo(config);
        assertThat(config).containsEntry("postventa.db.name", "infra_check")
                .containsEntry("postventa.db.user", "postventa")
                .containsEntry("postventa.db.password", "postventa")
                .containsEntry("postventa.db.port", String.valueOf(infra.dbPort()))
                .containsEntry("kafka.bootstrap.servers", infra.bootstrapServers());

        try (Connection c = DriverManager.getConnection(infra.jdbcUrl("infra_check"), PostgresServer.USER,
                PostgresServer.PASSWORD); Statement s = c.createStatement()) {
            assertThat(single(s, "SHOW wal_level")).isEqualTo("logical");
            assertThat(single(s, "SELECT datdba::regrole::text FROM pg_database WHERE datname = current_database()"))
                    .isEqualTo("postventa");
            s.execute("CREATE TABLE outbox_check (id int primary key)");
            s.execute("CREATE PUBLICATION infra_check_pub FOR TABLE outbox_check");
            assertThat(single(s, "SELECT slot_name FROM pg_create_logical_replication_slot('infra_check_sql', 'pgoutput')"))
                    .isEqualTo("infra_check_sql");
            s.execute("SELECT pg_drop_replication_slot('infra_check_sql')");
        }

        // Debezium creates its slot over a replication connection, which needs the REPLICATION attribute.
        Properties replication = new Properties();
        PGProperty.USER.set(replication, PostgresServer.USER);
        PGProperty.PASSWORD.set(replication, PostgresServer.PASSWORD);
        PGProperty.REPLICATION.set(replication, "database");
        PGProperty.ASSUME_MIN_SERVER_VERSION.set(replication, "10");
        PGProperty.PREFER_QUERY_MODE.set(replication, "simple");
        try (Connection c = DriverManager.getConnection(infra.jdbcUrl("infra_check"), replication)) {
            ReplicationSlotInfo slot = c.unwrap(PGConnection.class).getReplicationAPI().createReplicationSlot()
                    .logical().withSlotName("infra_check_stream").withOutputPlugin("pgoutput").make();
            assertThat(slot.getOutputPlugin()).isEqualTo("pgoutput");
            c.unwrap(PGConnection.class).getReplicationAPI().dropReplicationSlot("infra_check_stream");
        }
    }

    @Test
    void stoppingABrokerLeavesNoProcessAndNoFolder() {
        KafkaBroker broker = KafkaBroker.temporary().start();
        Path dir = broker.dataDir();
        ProcessHandle process = broker.processHandle().orElseThrow();
        assertThat(process.isAlive()).isTrue();
        assertThat(Files.exists(dir)).isTrue();

        broker.stop();

        assertThat(process.isAlive()).isFalse();
        assertThat(broker.isRunning()).isFalse();
        assertThat(ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains(dir.toString()))
                .filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(Files.exists(dir)).isFalse();
    }

    @Test
    void aPersistentBrokerKeepsItsRecordsAndFormatsStorageOnlyOnce(@TempDir Path dir) throws Exception {
        int port = FreePorts.next();
        String topic = "persistent-check";
        KafkaBroker first = KafkaBroker.persistent(dir, port).withNumPartitions(1).start();
        Path meta = dir.resolve("kraft-logs").resolve("meta.properties");
        String clusterIdentity;
        try (KafkaTestClient kafka = new KafkaTestClient(first.bootstrapServers())) {
            kafka.send(topic, "kept", "v".getBytes(StandardCharsets.UTF_8), Map.of());
            clusterIdentity = Files.readString(meta);
        } finally {
            first.stop();
        }
        assertThat(Files.exists(meta)).isTrue();

        KafkaBroker second = KafkaBroker.persistent(dir, port).start();
        try (KafkaTestClient kafka = new KafkaTestClient(second.bootstrapServers())) {
            assertThat(kafka.awaitRecords(topic, r -> "kept".equals(r.key()), 1, WAIT)).hasSize(1);
            assertThat(Files.readString(meta)).isEqualTo(clusterIdentity);
        } finally {
            second.stop();
        }
        assertThat(Files.exists(dir.resolve("kraft-logs"))).isTrue();
    }

    @Test
    void aPersistentPostgresKeepsItsDataAcrossRestarts(@TempDir Path dir) throws Exception {
        int port = FreePorts.next();
        try (PostgresServer first = PostgresServer.persistent(dir, port)) {
            first.createDatabaseIfMissing("kept");
            try (Connection c = DriverManager.getConnection(first.jdbcUrl("kept"), first.user(), first.password());
                 Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (v text)");
                s.execute("INSERT INTO t VALUES ('still here')");
            }
        }
        try (PostgresServer second = PostgresServer.persistent(dir, port)) {
            second.createDatabaseIfMissing("kept");
            try (Connection c = DriverManager.getConnection(second.jdbcUrl("kept"), second.user(), second.password());
                 Statement s = c.createStatement()) {
                assertThat(single(s, "SELECT v FROM t")).isEqualTo("still here");
            }
        }
    }

    private static String single(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
