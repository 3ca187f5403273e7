package dev.postventa.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker in KRaft mode (broker and controller in one node), run from the Maven jars in a child
 * JVM with a small heap. Its data directory is temporary (deleted on stop) unless one is given.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(KafkaBroker.class.getName());
    private static final String CLASSPATH_RESOURCE = "postventa/kafka-broker.classpath";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration GRACEFUL_STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Path dataDir;
    private final boolean temporary;
    private final int port;
    private final int controllerPort;
    private int numPartitions = 3;
    private volatile Process process;
    private Thread shutdownHook;

    private KafkaBroker(Path dataDir, boolean temporary, int port, int controllerPort) {
        this.dataDir = dataDir;
        this.temporary = temporary;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** A throwaway broker on free ports. */
    public static KafkaBroker temporary() {
        return temporary(FreePorts.next());
    }

    /** A throwaway broker whose clients connect on {@code port}. */
    public static KafkaBroker temporary(int port) {
        try {
            return new KafkaBroker(Files.createTempDirectory("postventa-kafka-"), true, port, FreePorts.next());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A broker whose topics survive restarts, kept under {@code dataDir}; storage is formatted on first start only. */
    public static KafkaBroker persistent(Path dataDir, int port) {
        return new KafkaBroker(dataDir, false, port, FreePorts.next());
    }

    /** Partitions of auto-created topics (default 3); set before {@link #start()}. */
    public KafkaBroker withNumPartitions(int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be positive: " + partitions);
        }
        this.numPartitions = partitions;
        return this;
    }

    /** Formats storage if needed, starts the broker and returns once it answers an admin request. */
    public KafkaBroker start() {
        long started = System.nanoTime();
        synchronized (this) {
            if (process != null) {
                return this;
            }
            try {
                Files.createDirectories(dataDir);
                Path logDir = dataDir.resolve("kraft-logs");
                Path config = writeConfig(logDir);
                if (!Files.exists(logDir.resolve("meta.properties"))) {
                    format(config);
                }
                process = launch(List.of("kafka.Kafka", config.toString()), brokerLog());
                shutdownHook = new Thread(this::stop, "kafka-broker-stop-" + port);
                Runtime.getRuntime().addShutdownHook(shutdownHook);
            } catch (IOException e) {
                stop();
                throw new UncheckedIOException(e);
            } catch (RuntimeException e) {
                stop();
                throw e;
            }
        }
        // Waiting outside the lock lets a shutdown hook stop a broker that is still starting.
        awaitReady(started);
        return this;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public boolean isRunning() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /** Stops the broker (SIGTERM, then SIGKILL after a timeout) and deletes a temporary data directory. */
    public synchronized void stop() {
        Process p = process;
        process = null;
        if (p != null) {
            p.destroy();
            try {
                if (!p.waitFor(GRACEFUL_STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.log(System.Logger.Level.WARNING, "Kafka broker on port {0} ignored SIGTERM; killing it",
                            String.valueOf(port));
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException jvmAlreadyShuttingDown) {
                // The hook is running or about to; it finds nothing left to do.
            }
        }
        shutdownHook = null;
        if (temporary) {
            deleteRecursively(dataDir);
        }
    }

    @Override
    public void close() {
        stop();
    }

    Path dataDir() {
        return dataDir;
    }

    /** The broker's process while it runs, so tests can check that stopping leaves nothing behind. */
    Optional<ProcessHandle> processHandle() {
        Process p = process;
        return p == null ? Optional.empty() : Optional.of(p.toHandle());
    }

    private Path writeConfig(Path logDir) throws IOException {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logDir.toString());
        p.setProperty("num.partitions", String.valueOf(numPartitions));
        p.setProperty("auto.create.topics.enable", "true");
        p.setProperty("default.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("offsets.topic.replication.factor", "1");
        // Fewer internal partitions than the default 50: each one is created and loaded at first use.
        p.setProperty("offsets.topic.num.partitions", "5");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "5");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // The log cleaner allocates this buffer on the heap at startup; the 128 MB default would not fit a small heap.
        p.setProperty("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
        Path file = dataDir.resolve("server.properties");
        try (var out = Files.newBufferedWriter(file)) {
            p.store(out, "Postventa single-node KRaft broker");
        }
        return file;
    }

    private void format(Path config) throws IOException {
        Path log = dataDir.resolve("format.log");
        Process tool = launch(List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                "-c", config.toString()), log);
        try {
            boolean exited = tool.waitFor(FORMAT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (!exited || tool.exitValue() != 0) {
                tool.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException("Formatting Kafka storage in " + dataDir + " failed:\n" + tail(log));
            }
        } catch (InterruptedException e) {
            tool.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting Kafka storage", e);
        }
    }

    private Process launch(List<String> mainAndArgs, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Small heap, serial GC and C1 only: a test broker on a 2-core CI machine next to the services.
                "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
                "-Djava.awt.headless=true",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dorg.slf4j.simpleLogger.log.kafka.server.BrokerServer=info",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS",
                "-cp", brokerClasspath()));
        command.addAll(mainAndArgs);
        return new ProcessBuilder(command)
                .directory(dataDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private void awaitReady(long started) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "200");
        try (Admin admin = Admin.create(config)) {
            while (System.nanoTime() < deadline) {
                Process p = process;
                if (p == null) {
                    throw new IllegalStateException("Kafka broker on port " + port + " was stopped while starting");
                }
                if (!p.isAlive()) {
                    throw startFailure("Kafka exited with code " + p.exitValue() + " while starting");
                }
                try {
                    if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        LOG.log(System.Logger.Level.INFO, "Kafka broker ready on {0} in {1} ms", bootstrapServers(),
                                (System.nanoTime() - started) / 1_000_000);
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stop();
                    throw new IllegalStateException("interrupted while starting Kafka", e);
                } catch (Exception notYet) {
                    // Not listening yet; the next round retries.
                }
            }
        }
        throw startFailure("Kafka did not become ready within " + START_TIMEOUT);
    }

    /** Reads the log before stopping, since stopping deletes a temporary data directory and the log with it. */
    private IllegalStateException startFailure(String message) {
        String tail = tail(brokerLog());
        stop();
        return new IllegalStateException(message + " (data directory " + dataDir + "). Broker log tail:\n" + tail);
    }

    private Path brokerLog() {
        return dataDir.resolve("broker.log");
    }

    private static String brokerClasspath() {
        try (InputStream in = KafkaBroker.class.getClassLoader().getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CLASSPATH_RESOURCE + " is missing: build infra-kafka-runtime first");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not delete " + dir, e);
        }
    }
}
