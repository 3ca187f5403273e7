package dev.postventa.support.relay;

import dev.postventa.support.DatabaseConfig;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import io.debezium.embedded.Connect;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.source.SourceRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs the embedded Debezium engine that relays this service's outbox to Kafka, and supervises it: startup waits
 * until it streams, a stopped or failed engine is restarted with exponential backoff, and {@link RelayState}
 * tells readiness the truth meanwhile.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final RelayConfig config;
    private final DatabaseConfig database;
    private final RelayState state;
    private final String serviceName;
    private final String bootstrapServers;

    private final ScheduledExecutorService supervisor = Executors.newSingleThreadScheduledExecutor(
            r -> daemon(r, "outbox-relay-supervisor"));
    private ExecutorService engineThread;
    private DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;
    private Producer<String, byte[]> producer;
    private volatile boolean running;
    private volatile Duration nextBackoff;
    private volatile CountDownLatch firstStream = new CountDownLatch(1);

    OutboxRelay(RelayConfig config, DatabaseConfig database, RelayState state,
                @ConfigProperty(name = "postventa.service-name") String serviceName,
                @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.config = config;
        this.database = database;
        this.state = state;
        this.serviceName = serviceName;
        this.bootstrapServers = bootstrapServers;
        this.nextBackoff = config.initialBackoff();
    }

    /** Runs before the Kafka consumers start, so that nothing is written before the slot exists. */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) throws InterruptedException {
        if (!config.enabled()) {
            LOG.warn("outbox relay disabled (postventa.relay.enabled=false): events stay in the WAL until it runs");
            return;
        }
        start();
        if (!firstStream.await(config.startupTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("outbox relay did not start streaming within " + config.startupTimeout()
                    + ": " + state.lastError());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
        supervisor.shutdownNow();
    }

    /** Starts the engine if it is not running. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        launch();
    }

    /** Stops the engine and does not restart it until {@link #start()} is called. */
    public synchronized void stop() {
        running = false;
        closeEngine();
        state.down("stopped");
    }

    public RelayState state() {
        return state;
    }

    private synchronized void launch() {
        if (!running) {
            return;
        }
        producer = createProducer();
        Properties properties = DebeziumProperties.of(serviceName, database, config, bootstrapServers);
        engine = DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
                .using(properties)
                .using(new DebeziumEngine.ConnectorCallback() {
                    @Override
                    public void taskStarted() {
                        LOG.infof("outbox relay streaming from slot %s", config.slotName());
                        state.streaming();
                        nextBackoff = config.initialBackoff();
                        firstStream.countDown();
                    }

                    @Override
                    public void taskStopped() {
                        state.down("task stopped");
                    }
                })
                .using((success, message, error) -> onEngineEnded(success, message, error))
                .notifying(new KafkaForwarder(producer, new OutboxRecordMapper(serviceName),
                        config.sendTimeout().toMillis()))
                .build();
        engineThread = Executors.newSingleThreadExecutor(r -> daemon(r, "outbox-relay-engine"));
        ClassLoader appClassLoader = Thread.currentThread().getContextClassLoader();
        DebeziumEngine<RecordChangeEvent<SourceRecord>> toRun = engine;
        engineThread.execute(() -> {
            // Debezium loads the connector and converters through the context class loader.
            Thread.currentThread().setContextClassLoader(appClassLoader);
            toRun.run();
        });
    }

    private void onEngineEnded(boolean success, String message, Throwable error) {
        String reason = error != null ? message + ": " + error : message;
        state.down(reason);
        if (!running) {
            return;
        }
        Duration wait = nextBackoff;
        nextBackoff = min(wait.multipliedBy(2), config.maxBackoff());
        LOG.errorf("outbox relay engine ended (%s); restarting in %s", reason, wait);
        supervisor.schedule(this::restart, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void restart() {
        if (!running) {
            return;
        }
        state.restarting();
        try {
            closeEngine();
            launch();
        } catch (RuntimeException e) {
            // A restart that cannot even launch (Kafka or PostgreSQL unreachable) is retried like a failed run.
            onEngineEnded(false, "restart failed", e);
        }
    }

    private synchronized void closeEngine() {
        try {
            if (engine != null) {
                engine.close();
            }
        } catch (IOException | RuntimeException e) {
            // An engine that already failed refuses to close again; there is nothing left to release then.
            LOG.debug("closing the outbox relay engine", e);
        }
        if (engineThread != null) {
            engineThread.shutdown();
            try {
                if (!engineThread.awaitTermination(30, TimeUnit.SECONDS)) {
                    engineThread.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        engine = null;
        engineThread = null;
        producer = null;
    }

    private Producer<String, byte[]> createProducer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, serviceName + "-outbox-relay");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(config.sendTimeout().toMillis()));
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(Math.min(30_000, config.sendTimeout().toMillis())));
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
