package dev.postventa.infra;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The infrastructure the tests run on is the real thing: a Kafka broker that stores records, a logical-decoding PostgreSQL. */
class RealInfrastructureTest {

    @Test
    void kafkaStoresAndReturnsRecords() {
        PostventaInfrastructure infra = PostventaInfrastructure.get();
        try (KafkaTestClient kafka = new KafkaTestClient(infra.bootstrapServers())) {
            kafka.send("infra-check", "k1", "hola".getBytes(StandardCharsets.UTF_8), Map.of("h", "v"));
            List<ConsumerRecord<String, byte[]>> records = kafka.awaitRecords("infra-check", r -> "k1".equals(r.key()), 1,
                    Duration.ofSeconds(30));
            assertThat(new String(records.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("hola");
            assertThat(KafkaTestClient.header(records.get(0), "h")).isEqualTo("v");
        }
    }

    @Test
    void serviceDatabasesSupportLogicalReplicationForTheServiceRole() throws Exception {
        PostventaInfrastructure infra = PostventaInfrastructure.get();
        Map<String, String> config = infra.forService("infra_check");
        assertThat(config).containsEntry("postventa.db.name", "infra_check")
                .containsEntry("kafka.bootstrap.servers", infra.bootstrapServers());
        try (Connection c = DriverManager.getConnection(infra.jdbcUrl("infra_check"), PostgresServer.USER, PostgresServer.PASSWORD);
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SHOW wal_level")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("logical");
            }
            s.execute("CREATE TABLE IF NOT EXISTS t (id int primary key)");
            s.execute("CREATE PUBLICATION infra_check_pub FOR TABLE t");
            try (ResultSet rs = s.executeQuery(
                    "SELECT slot_name FROM pg_create_logical_replication_slot('infra_check_slot', 'pgoutput')")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("infra_check_slot");
            }
            s.execute("SELECT pg_drop_replication_slot('infra_check_slot')");
        }
    }

    @Test
    void stoppingABrokerLeavesNoProcessAndNoFolder() {
        KafkaBroker broker = KafkaBroker.temporary().start();
        Path dir = broker.dataDir();
        assertThat(broker.isRunning()).isTrue();
        assertThat(Files.exists(dir)).isTrue();
        broker.stop();
        assertThat(broker.isRunning()).isFalse();
        assertThat(Files.exists(dir)).isFalse();
    }
}
