package dev.postventa.infra;

import java.sql.Connection;
import java.sql.DriverManager;
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
        postgres = new PostgreSQLContainer("postgres:17")
                .withUsername(PostgresServer.USER)
                .withPassword(PostgresServer.PASSWORD)
                .withCommand("postgres", "-c", "wal_level=logical", "-c", "max_replication_slots=20",
                        "-c", "max_wal_senders=20", "-c", "max_connections=300");
        kafka = new KafkaContainer("apache/kafka:4.2.1");
        postgres.start();
        kafka.start();
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
        return postgres.getMappedPort(5432);
    }

    @Override
    public void createDatabaseIfMissing(String name) {
        // The container's user is a superuser, so it may replicate and create publications.
        try (Connection c = DriverManager.getConnection(postgres.getJdbcUrl(), PostgresServer.USER, PostgresServer.PASSWORD);
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
    }

    @Override
    public void stop() {
        kafka.stop();
        postgres.stop();
    }
}
