package dev.postventa.localstack;

import dev.postventa.infra.DevKeys;
import dev.postventa.infra.FreePorts;
import dev.postventa.infra.KafkaBroker;
import dev.postventa.infra.PostgresServer;
import dev.postventa.infra.SmtpInbox;
import dev.postventa.localstack.storefront.StorefrontSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole platform on one machine: a real Kafka broker, one PostgreSQL server with a database per service, an
 * SMTP server, and the four services as separate processes wired together only through env vars and Kafka.
 */
public final class LocalStack implements AutoCloseable {

    /** Service name → its database, in start order. */
    public static final Map<String, String> SERVICES = Map.of(
            "returns-service", "returns",
            "tracking-service", "tracking",
            "refund-service", "refunds",
            "notification-service", "notifications");
    public static final List<String> START_ORDER = List.of("returns-service", "tracking-service", "refund-service",
            "notification-service");

    /** The simulated carrier's Standard Webhooks secret in the local stack (a local dev secret, nothing else). */
    public static final String LOCAL_WEBHOOK_SECRET = "whsec_cG9zdHZlbnRhLWxvY2FsLWRldi1zZWNyZXQtMQ==";
    /** The local stack's survey link secret (public: a dev value, like the webhook secret above). */
    static final String LOCAL_SURVEY_SECRET = "postventa-local-dev-survey-secret-1";

    private final Settings settings;
    private PostgresServer postgres;
    private KafkaBroker kafka;
    private SmtpInbox smtp;
    private DevKeys keys;
    private StorefrontSimulator storefront;
    private Path keysDir;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();

    /**
     * Where things go. {@code dataDir} null means throwaway data on free ports (tests); otherwise data survives
     * restarts under it and the given ports are used.
     */
    public record Settings(Path repositoryRoot, Path dataDir, int postgresPort, int kafkaPort, int smtpPort,
                           Map<String, Integer> servicePorts, Map<String, String> extraEnv) {

        public static Settings throwaway(Path repositoryRoot) {
            Map<String, Integer> ports = new LinkedHashMap<>();
            START_ORDER.forEach(s -> ports.put(s, FreePorts.next()));
            return new Settings(repositoryRoot, null, 0, 0, FreePorts.next(), ports, Map.of());
        }
    }

    public LocalStack(Settings settings) {
        this.settings = settings;
    }

    public LocalStack start() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "postventa-local-stack-stop"));
        try {
            startAll();
            return this;
        } catch (RuntimeException e) {
            // Whatever did start must not outlive a failed start (a shutdown hook may be cut short).
            close();
            throw e;
        }
    }

    private void startAll() {
        Path data = settings.dataDir();
        postgres = data == null ? PostgresServer.temporary()
                : PostgresServer.persistent(data.resolve("postgres"), settings.postgresPort());
        SERVICES.values().forEach(postgres::createDatabaseIfMissing);
        kafka = (data == null ? KafkaBroker.temporary() : KafkaBroker.persistent(data.resolve("kafka"),
                settings.kafkaPort())).start();
        smtp = SmtpInbox.start(settings.smtpPort());
        storefront = new StorefrontSimulator(kafka.bootstrapServers()).start();
        // Dev access keys: kept with the data so printed tokens survive restarts (throwaway stacks get new ones).
        keysDir = data == null ? tempDir("postventa-keys-") : data.resolve("keys");
        keys = DevKeys.loadOrCreate(keysDir);
        Path logs = data == null ? tempLogs() : data.resolve("logs");
        for (String name : START_ORDER) {
            int port = settings.servicePorts().get(name);
            int managementPort = managementPortFor(port, data == null);
            services.put(name, new ServiceProcess(name, settings.repositoryRoot(), port, managementPort,
                    env(name), logs).start());
        }
        services.values().forEach(s -> s.awaitReady(Duration.ofMinutes(3)));
    }

    public ServiceProcess service(String name) {
        return services.get(name);
    }

    /** Stops a service and starts it again with the same settings (what a deployment or a crash does). */
    public void restart(String name) {
        ServiceProcess service = services.get(name);
        service.stop();
        service.start().awaitReady(Duration.ofMinutes(3));
    }

    /** A token of operations staff, signed with this stack's dev key (every order, review). */
    public String opsToken(Duration lifetime) {
        return keys.ops("local-operator", lifetime);
    }

    /** The storefront's service token, signed with this stack's dev key. */
    public String storefrontToken(Duration lifetime) {
        return keys.storefront(lifetime);
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The simulated storefront: its stock, and its answers to exchange reservations. */
    public StorefrontSimulator storefront() {
        return storefront;
    }

    public SmtpInbox smtp() {
        return smtp;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    @Override
    public synchronized void close() {
        services.values().forEach(ServiceProcess::requestStop);
        services.values().forEach(ServiceProcess::stop);
        services.clear();
        if (storefront != null) {
            storefront.close();
            storefront = null;
        }
        if (smtp != null) {
            smtp.stop();
            smtp = null;
        }
        if (kafka != null) {
            kafka.stop();
            kafka = null;
        }
        if (postgres != null) {
            postgres.stop();
            postgres = null;
        }
    }

    private Map<String, String> env(String service) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DB_HOST", postgres.host());
        env.put("DB_PORT", String.valueOf(postgres.port()));
        env.put("DB_NAME", SERVICES.get(service));
        env.put("DB_USER", PostgresServer.USER);
        env.put("DB_PASSWORD", PostgresServer.PASSWORD);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("SMTP_HOST", smtp.host());
        env.put("SMTP_PORT", String.valueOf(smtp.port()));
        // The packaged jars run in the prod profile, which has no access keys: the local stack hands in its dev pair.
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "file:" + DevKeys.publicKeyFile(keysDir));
        if (service.equals("returns-service")) {
            env.put("SMALLRYE_JWT_SIGN_KEY_LOCATION", "file:" + DevKeys.privateKeyFile(keysDir));
            // The prod profile has no survey secret (surveys would be off): the local stack's own, never used in
            // production. The link opens returns-service's own /surveys (its default base URL on HTTP_PORT).
            env.put("SURVEY_TOKEN_SECRETS", LOCAL_SURVEY_SECRET);
        }
        if (service.equals("tracking-service")) {
            // The packaged jar runs in the prod profile, which has no webhook secret: the local stack sets the
            // local dev secret that scripts/signed-scan.sh and the system test sign with (never used in production).
            env.put("SIMULATED_CARRIER_WEBHOOK_SECRETS", LOCAL_WEBHOOK_SECRET);
        }
        if (service.equals("notification-service")) {
            // A developer's merchant webhook receiver runs on this machine over plain http.
            env.put("MERCHANT_WEBHOOKS_INSECURE_HOSTS", "localhost,127.0.0.1");
        }
        env.putAll(settings.extraEnv());
        return env;
    }

    /**
     * The management interface's port: the API's port + 1000 on a laptop (8081 → 9081, easy to remember), unless that
     * port is taken; any free port for a throwaway stack. The banner prints the one chosen.
     */
    private static int managementPortFor(int apiPort, boolean throwaway) {
        int preferred = apiPort + 1000;
        if (!throwaway && preferred < 65536) {
            try (java.net.ServerSocket probe = new java.net.ServerSocket(preferred)) {
                return preferred;
            } catch (java.io.IOException taken) {
                // fall through to a free port
            }
        }
        return FreePorts.next();
    }

    private static Path tempLogs() {
        return tempDir("postventa-logs-");
    }

    private static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
