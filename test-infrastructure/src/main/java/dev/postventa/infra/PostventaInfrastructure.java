package dev.postventa.infra;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One Kafka broker and one PostgreSQL server per JVM, started on first use, shared by every test class and stopped
 * when the JVM exits. Backend: {@code postventa.infra} (system property, or environment variable
 * {@code postventa.infra} / {@code POSTVENTA_INFRA}) = {@code embedded} (default, needs nothing but a JDK) or
 * {@code testcontainers} (needs a Docker engine).
 */
public final class PostventaInfrastructure {

    private static PostventaInfrastructure instance;
    private static RuntimeException startFailure;

    private final Backend backend;
    private final int managementPort = FreePorts.next();

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

    /** The JVM's infrastructure, started by the first caller. */
    public static synchronized PostventaInfrastructure get() {
        if (instance != null) {
            return instance;
        }
        if (startFailure != null) {
            // Every test class asks; retrying a start that failed would only repeat the wait.
            throw new IllegalStateException("Postventa infrastructure failed to start earlier in this JVM", startFailure);
        }
        try {
            Backend backend = switch (selected()) {
                case "embedded" -> new EmbeddedBackend();
                case "testcontainers" -> new ContainersBackend();
                default -> throw new IllegalArgumentException(
                        "postventa.infra must be 'embedded' or 'testcontainers', not '" + selected() + "'");
            };
            Runtime.getRuntime().addShutdownHook(new Thread(backend::stop, "postventa-infra-stop"));
            instance = new PostventaInfrastructure(backend);
            return instance;
        } catch (RuntimeException e) {
            startFailure = e;
            throw e;
        }
    }

    static String selected() {
        String value = System.getProperty("postventa.infra");
        if (value == null) {
            value = System.getenv("postventa.infra");
        }
        if (value == null) {
            value = System.getenv("POSTVENTA_INFRA");
        }
        return value == null || value.isBlank() ? "embedded" : value.trim().toLowerCase(Locale.ROOT);
    }

    public String bootstrapServers() {
        return backend.bootstrapServers();
    }

    public String dbHost() {
        return backend.dbHost();
    }

    public int dbPort() {
        return backend.dbPort();
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
        // Health, metrics and OpenAPI live on the management interface: a free port, not Quarkus's fixed 9001 (one per
        // JVM, like the services under test, which run one at a time).
        config.put("quarkus.management.test-port", String.valueOf(managementPort));
        // Access tokens: the test JVM's own key pair (TestTokens mints with it); no key is built into a service. Given
        // inline because Quarkus's test mode sets an in-memory key pair inline, and an inline key wins over a location.
        config.put("mp.jwt.verify.publickey", TestTokens.keys().publicKeyPem());
        config.put("smallrye.jwt.sign.key", TestTokens.keys().privateKeyPem());
        return config;
    }

    /** Kafka and PostgreSQL from the Maven jars and zonky's binaries, on free loopback ports. */
    static final class EmbeddedBackend implements Backend {

        private final KafkaBroker kafka;
        private final PostgresServer postgres;

        EmbeddedBackend() {
            // The broker's JVM and PostgreSQL start side by side: together they are most of a test JVM's first seconds.
            CompletableFuture<KafkaBroker> kafkaStart = CompletableFuture.supplyAsync(
                    () -> KafkaBroker.temporary().start(), EmbeddedBackend::startThread);
            try {
                postgres = PostgresServer.temporary();
            } catch (RuntimeException e) {
                kafkaStart.thenAccept(KafkaBroker::stop).exceptionally(ignored -> null).join();
                throw e;
            }
            try {
                kafka = kafkaStart.join();
            } catch (CompletionException e) {
                postgres.stop();
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }

        private static void startThread(Runnable task) {
            Thread thread = new Thread(task, "kafka-broker-start");
            thread.setDaemon(true);
            thread.start();
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
            try {
                kafka.stop();
            } finally {
                postgres.stop();
            }
        }
    }
}
