package dev.postventa.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The same infrastructure from Docker images, for machines with a Docker engine ({@code postventa.infra=testcontainers}).
 * Only loaded when selected, so machines without Docker never touch it.
 */
final class ContainersBackend implements PostventaInfrastructure.Backend {

    private final PostgreSQLContainer postgres;
    private final KafkaContainer kafka;

    ContainersBackend() {
        // The container's user is a superuser, so it may replicate and create publications like the embedded role.
        postgres = new PostgreSQLContainer("postgres:17")
                .withUsername(PostgresServer.USER)
                .withPassword(PostgresServer.PASSWORD)
                .withCommand("postgres", "-c", "wal_level=logical", "-c", "max_replication_slots=20",
                        "-c", "max_wal_senders=20", "-c", "max_connections=200");
        // The apache/kafka image runs KRaft (broker and controller in one node); same topic defaults as KafkaBroker.
        kafka = new KafkaContainer("apache/kafka:4.2.1")
                .withEnv("KAFKA_NUM_PARTITIONS", "3")
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        postgres.start();
        try {
            kafka.start();
        } catch (RuntimeException e) {
            postgres.stop();
            throw e;
        }
    }

    @Override
    public String bootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String dbHost() {
        return postgres.getHost();
    }

    @Override
    public int dbPort() {
        return postgres.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT);
    }

    @Override
    public void createDatabaseIfMissing(String name) {
        PostgresServer.requireIdentifier(name);
        try (Connection c = DriverManager.getConnection(postgres.getJdbcUrl(), PostgresServer.USER, PostgresServer.PASSWORD);
             PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
    }

    @Override
    public void stop() {
        try {
            kafka.stop();
        } finally {
            postgres.stop();
        }
    }
}
