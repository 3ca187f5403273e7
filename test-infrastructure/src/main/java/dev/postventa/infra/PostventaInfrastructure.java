package dev.postventa.infra;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Kafka broker and one PostgreSQL server per JVM, shared by every test class and stopped when the JVM exits.
 * Backend: {@code postventa.infra} (system property or env {@code POSTVENTA_INFRA}) = {@code embedded} (default,
 * needs nothing but a JDK) or {@code testcontainers} (needs a Docker engine).
 */
public final class PostventaInfrastructure {

    private static PostventaInfrastructure instance;

    private final Backend backend;

    /** What a backend provides: a bootstrap address, and databases on one PostgreSQL server. */
    interface Backend {
        String bootstrapServers();

        String dbHost();

        int dbPort();

        void createDatabaseIfMissing(String name);

        void stop();
    }

    private PostventaInfrastructure(Backend backend) {
        this.backend = backend;
    }

    public static synchronized PostventaInfrastructure get() {
        if (instance == null) {
            Backend backend = "testcontainers".equalsIgnoreCase(selected())
                    ? new ContainersBackend() : new EmbeddedBackend();
            instance = new PostventaInfrastructure(backend);
            Runtime.getRuntime().addShutdownHook(new Thread(backend::stop, "postventa-infra-stop"));
        }
        return instance;
    }

    static String selected() {
        String property = System.getProperty("postventa.infra");
        return property != null ? property : System.getenv().getOrDefault("POSTVENTA_INFRA", "embedded");
    }

    public String bootstrapServers() {
        return backend.bootstrapServers();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + backend.dbHost() + ":" + backend.dbPort() + "/" + database;
    }

    /** Creates the service's database and returns the config overrides that point a service at it and at Kafka. */
    public Map<String, String> forService(String database) {
        backend.createDatabaseIfMissing(database);
        Map<String, String> config = new LinkedHashMap<>();
        config.put("postventa.db.host", backend.dbHost());
        config.put("postventa.db.port", String.valueOf(backend.dbPort()));
        config.put("postventa.db.name", database);
        config.put("postventa.db.user", PostgresServer.USER);
        config.put("postventa.db.password", PostgresServer.PASSWORD);
        config.put("kafka.bootstrap.servers", backend.bootstrapServers());
        return config;
    }

    /** Kafka and PostgreSQL from the Maven jars and zonky's binaries, on free loopback ports. */
    static final class EmbeddedBackend implements Backend {

        private final KafkaBroker kafka;
        private final PostgresServer postgres;

        EmbeddedBackend() {
            postgres = PostgresServer.temporary();
            kafka = KafkaBroker.temporary().start();
        }

        @Override
        public String bootstrapServers() {
            return kafka.bootstrapServers();
        }

        @Override
        public String dbHost() {
            return postgres.host();
        }

        @Override
        public int dbPort() {
            return postgres.port();
        }

        @Override
        public void createDatabaseIfMissing(String name) {
            postgres.createDatabaseIfMissing(name);
        }

        @Override
        public void stop() {
            kafka.stop();
            postgres.stop();
        }
    }
}
