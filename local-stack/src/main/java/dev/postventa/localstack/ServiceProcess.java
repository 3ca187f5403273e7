package dev.postventa.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One packaged Postventa service ({@code <module>/target/quarkus-app/quarkus-run.jar}) running as its own process,
 * configured only through environment variables, the way a container would run it.
 */
public final class ServiceProcess {

    /** Replaces {@link #DEFAULT_JAVA_OPTIONS} for every service the stack starts (space-separated). */
    public static final String JAVA_OPTS_VARIABLE = "POSTVENTA_SERVICE_JAVA_OPTS";

    /**
     * A small heap, the serial collector and the C1 JIT only: four services and their infrastructure share a laptop
     * (or 2 cores). Measured with the benchmark on 2 cores: with the full tiered JIT (C2) instead, the most returns
     * per second fell from 30.8 to 23.1, the largest RSS rose from 311 to 375 MB and a restart took 29 s to ready
     * instead of 8 s, because C2's compilations compete with the services for the same two cores.
     */
    public static final List<String> DEFAULT_JAVA_OPTIONS = List.of("-Xms64m", "-Xmx320m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=64m", "-Xss512k");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final int managementPort;
    private final Map<String, String> env;
    private final Path log;
    private Process process;

    public ServiceProcess(String name, Path repositoryRoot, int port, int managementPort, Map<String, String> env,
                          Path logDir) {
        this.name = name;
        this.jar = repositoryRoot.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        this.port = port;
        this.managementPort = managementPort;
        this.env = env;
        this.log = logDir.resolve(name + ".log");
    }

    public synchronized ServiceProcess start() {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first with 'mvn -DskipTests install'");
        }
        try {
            Files.createDirectories(log.getParent());
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(javaOptions(System.getenv(JAVA_OPTS_VARIABLE)));
            command.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            builder.environment().put("HTTP_PORT", String.valueOf(port));
            builder.environment().put("MANAGEMENT_PORT", String.valueOf(managementPort));
            process = builder.start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> javaOptions(String configured) {
        return configured == null || configured.isBlank() ? DEFAULT_JAVA_OPTIONS
                : List.of(configured.trim().split("\\s+"));
    }

    /**
     * Waits until {@code /q/health/ready} on the management port answers 200 (the outbox relay streams, Kafka and the
     * database are up).
     */
    public ServiceProcess awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (process == null || !process.isAlive()) {
                throw new IllegalStateException(name + " exited while starting; see " + log);
            }
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(300);
        }
        throw new IllegalStateException(name + " not ready within " + timeout + "; see " + log);
    }

    /** Asks the service to stop (SIGTERM) without waiting, so that several services stop at the same time. */
    public synchronized void requestStop() {
        if (process != null) {
            process.destroy();
        }
    }

    /** Stops the service gracefully (SIGTERM: Quarkus shuts down its consumers and the relay), forcibly after 30 s. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    public String name() {
        return name;
    }

    /** Health, metrics, OpenAPI and Swagger UI: the management interface, apart from the API. */
    public String managementUrl() {
        return "http://localhost:" + managementPort;
    }

    /** The running process's id, empty while stopped (the benchmark reads its memory from {@code /proc}). */
    public synchronized java.util.OptionalLong pid() {
        return process == null || !process.isAlive() ? java.util.OptionalLong.empty()
                : java.util.OptionalLong.of(process.pid());
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public Path log() {
        return log;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
