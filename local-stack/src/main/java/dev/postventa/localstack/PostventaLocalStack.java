package dev.postventa.localstack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./local-stack.sh}: runs the whole platform on embedded defaults until Ctrl-C. Data (PostgreSQL, Kafka) is
 * kept under {@code .postventa/} so a restart loses nothing; every port can be moved with an env var.
 */
public final class PostventaLocalStack {

    private PostventaLocalStack() {
    }

    public static void main(String[] args) throws InterruptedException {
        // Kafka's and PostgreSQL's client chatter would drown the banner; warnings and errors still show.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        Path root = Path.of(System.getProperty("postventa.root", ".")).toAbsolutePath().normalize();
        Path data = Path.of(env("POSTVENTA_DATA_DIR", root.resolve(".postventa").toString()));
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("returns-service", port("RETURNS_PORT", 8081));
        ports.put("tracking-service", port("TRACKING_PORT", 8082));
        ports.put("refund-service", port("REFUND_PORT", 8083));
        ports.put("notification-service", port("NOTIFICATION_PORT", 8084));
        int consolePort = port("CONSOLE_PORT", 8025);

        System.out.println("Starting Postventa (data in " + data + ") ...");
        LocalStack stack = new LocalStack(new LocalStack.Settings(root, data, port("POSTGRES_PORT", 5432),
                port("KAFKA_PORT", 9092), port("SMTP_PORT", 2525), ports, Map.of()));
        stack.start();
        LocalConsole console = new LocalConsole(stack, consolePort).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping Postventa ...");
            console.close();
            stack.close();
        }, "postventa-console-stop"));
        System.out.println(Banner.text(stack, ports, consolePort));
        new CountDownLatch(1).await();
    }

    private static int port(String name, int fallback) {
        return Integer.parseInt(env(name, String.valueOf(fallback)));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
