package dev.postventa.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the machine can do without our code, measured in the same run: single-row INSERTs into the same PostgreSQL
 * server (a JDBC loop, and pgbench when it is on the PATH) and a raw Kafka producer with {@code acks=all}.
 */
public final class Baselines {

    static final String DATABASE = "bench";
    private static final Pattern PGBENCH_TPS = Pattern.compile("tps = ([0-9.]+)");

    private final Target target;
    private final Duration duration;
    private final int clients;

    public Baselines(Target target, Duration duration, int clients) {
        this.target = target;
        this.duration = duration;
        this.clients = clients;
    }

    /** Single-row INSERTs per second, one autocommitted transaction each, from {@code clients} JDBC connections. */
    public double jdbcInsertRate() throws Exception {
        createTable();
        AtomicLong inserted = new AtomicLong();
        java.util.concurrent.atomic.AtomicReference<Exception> failure = new java.util.concurrent.atomic.AtomicReference<>();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                try (Connection connection = connect(); PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO bench_insert (id, payload, at) VALUES (gen_random_uuid(), ?::jsonb, now())")) {
                    insert.setString(1, "{\"benchmark\":\"single-row insert\"}");
                    while (System.nanoTime() < end) {
                        insert.executeUpdate();
                        inserted.incrementAndGet();
                    }
                } catch (SQLException e) {
                    failure.compareAndSet(null, e);
                }
            }, "bench-insert-" + c);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("the insert baseline failed", failure.get());
        }
        return inserted.get() / ((System.nanoTime() - start) / 1e9);
    }

    /** pgbench's TPS for the same single-row INSERT, or NaN when pgbench is not on the PATH. */
    public double pgbenchInsertRate() throws Exception {
        if (!onPath("pgbench")) {
            return Double.NaN;
        }
        createTable();
        Path script = Files.createTempFile("bench-insert-", ".sql");
        script.toFile().deleteOnExit();
        Files.writeString(script, "INSERT INTO bench_insert (id, payload, at) VALUES (gen_random_uuid(), "
                + "'{\"benchmark\":\"single-row insert\"}', now());\n");
        ProcessBuilder builder = new ProcessBuilder("pgbench", "-n", "-c", String.valueOf(clients), "-j",
                String.valueOf(Math.min(clients, Runtime.getRuntime().availableProcessors())), "-T",
                String.valueOf(Math.max(1, duration.toSeconds())), "-f", script.toString(), "-h",
                target.postgresHost(), "-p", String.valueOf(target.postgresPort()), "-U", target.postgresUser(),
                DATABASE).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", target.postgresPassword());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("pgbench failed: " + output);
        }
        Matcher tps = PGBENCH_TPS.matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("no tps in pgbench's output: " + output);
        }
        return Double.parseDouble(tps.group(1));
    }

    /** Records per second acknowledged by the broker with acks=all and idempotence, values of {@code bytes}. */
    public double kafkaProducerRate(int bytes) throws InterruptedException {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, target.kafkaBootstrap());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        byte[] value = new byte[bytes];
        java.util.Arrays.fill(value, (byte) 'x');
        AtomicLong acked = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            // The topic's creation and the first metadata fetch are not part of the rate.
            producer.send(new ProducerRecord<>("bench.baseline.producer", "warm-up", value)).get(30, TimeUnit.SECONDS);
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            long i = 0;
            while (System.nanoTime() < end) {
                producer.send(new ProducerRecord<>("bench.baseline.producer", Long.toString(i++), value),
                        (metadata, error) -> (error == null ? acked : failed).incrementAndGet());
            }
            producer.flush();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (failed.get() > 0) {
                throw new IllegalStateException(failed.get() + " records failed in the producer baseline");
            }
            return acked.get() / seconds;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the producer baseline could not reach Kafka", e);
        }
    }

    private void createTable() throws SQLException {
        try (Connection connection = connect(); Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS bench_insert (id UUID PRIMARY KEY, payload JSONB NOT NULL, "
                    + "at TIMESTAMPTZ NOT NULL)");
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(target.jdbcUrl(DATABASE), target.postgresUser(), target.postgresPassword());
    }

    static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
