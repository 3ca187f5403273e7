package dev.postventa.support.relay;

import dev.postventa.support.DatabaseConfig;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import io.debezium.embedded.Connect;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.source.SourceRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs the embedded Debezium engine that relays this service's outbox to Kafka, and supervises it.
 *
 * <ul>
 *   <li>Exactly one replica per database relays: the one holding a PostgreSQL session-level advisory lock on a
 *       connection of its own. The others are STANDBY (ready, accepting writes while the slot exists) and try to take
 *       the lock every {@code lock-check-interval}; the lock is released with the active replica's connection.</li>
 *   <li>Startup waits until the relay streams or is a standby (writes before the slot exists could be lost).</li>
 *   <li>A stopped or failed engine is restarted with exponential backoff; {@link RelayState} tells readiness.</li>
 *   <li>A slot this database remembers having streamed from, but that PostgreSQL no longer has (dropped) or has
 *       invalidated ({@code max_slot_wal_keep_size}), is never silently re-created: the slot is reported lost,
 *       readiness is DOWN and writes are refused until an operator recovers (see service-support's README notes).</li>
 *   <li>A record Kafka refuses forever is parked in {@code parked_outbox_event} and counted.</li>
 * </ul>
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final RelayConfig config;
    private final DatabaseConfig database;
    private final RelayState state;
    private final String serviceName;
    private final String bootstrapServers;
    private final RelayDatabase relayDb;
    private final Counter parked;
    private final RelayMetrics relayed;

    private final ScheduledExecutorService supervisor = Executors.newSingleThreadScheduledExecutor(
            r -> daemon(r, "outbox-relay-supervisor"));
    private ExecutorService engineThread;
    private DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;
    private Producer<String, byte[]> producer;
    private Connection lock;
    private ScheduledFuture<?> monitor;
    private volatile boolean running;
    private volatile Duration nextBackoff;
    private volatile long slotLagBytes;
    /**
     * Which engine is the current one. An engine reports its end however it ended, also when we closed it ourselves
     * (lost lock, restart): only the end of the current engine is a failure to restart from. Without this, the end
     * of an engine we closed scheduled a restart that closed the next, healthy engine, whose end scheduled another:
     * a restart every second after a database outage, each replaying what was not yet flushed (duplicates).
     */
    private final AtomicLong generation = new AtomicLong();
    private final CountDownLatch settled = new CountDownLatch(1);

    @Inject
    public OutboxRelay(RelayConfig config, DatabaseConfig database, RelayState state,
                       @ConfigProperty(name = "postventa.service-name") String serviceName,
                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                       MeterRegistry metrics) {
        this.config = config;
        this.database = database;
        this.state = state;
        this.serviceName = serviceName;
        this.bootstrapServers = bootstrapServers;
        this.relayDb = new RelayDatabase(database);
        this.nextBackoff = config.initialBackoff();
        this.relayed = new RelayMetrics(metrics, Clock.systemUTC());
        this.parked = Counter.builder("postventa.relay.parked")
                .description("Outbox events Kafka refused for good, kept in parked_outbox_event")
                .register(metrics);
        Gauge.builder("postventa.relay.slot.lag.bytes", this, r -> r.slotLagBytes)
                .description("WAL the relay's replication slot retains (pg_current_wal_lsn - restart_lsn)")
                .register(metrics);
        Gauge.builder("postventa.relay.slot.lost", state, s -> s.slotLost() == null ? 0 : 1)
                .description("1 while the relay's replication slot is lost and writes are refused")
                .register(metrics);
        Gauge.builder("postventa.relay.active", state, s -> s.role() == RelayState.Role.ACTIVE ? 1 : 0)
                .description("1 on the replica whose relay holds the lock and streams, 0 on a standby")
                .register(metrics);
        for (RelayState.Phase phase : RelayState.Phase.values()) {
            Gauge.builder("postventa.relay.state", state, s -> s.phase() == phase ? 1 : 0)
                    .tags("state", phase.name().toLowerCase(Locale.ROOT))
                    .description("1 for the relay's current state (streaming, restarting, down, standby), 0 for the others")
                    .register(metrics);
        }
    }

    /** Runs before the Kafka consumers start, so that nothing is written before the slot exists. */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) throws InterruptedException {
        if (!config.enabled()) {
            LOG.warn("outbox relay disabled (postventa.relay.enabled=false): events stay in the WAL until it runs");
            return;
        }
        start();
        if (!settled.await(config.startupTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("outbox relay did not start streaming within " + config.startupTimeout()
                    + ": " + state.lastError());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
        supervisor.shutdownNow();
    }

    /** Starts the relay (active or standby) if it is not running. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        monitor = supervisor.scheduleWithFixedDelay(this::check, config.lockCheckInterval().toMillis(),
                config.lockCheckInterval().toMillis(), TimeUnit.MILLISECONDS);
        attempt();
    }

    /** Stops the engine, releases the relay lock and does not restart until {@link #start()} is called. */
    public synchronized void stop() {
        running = false;
        if (monitor != null) {
            monitor.cancel(false);
            monitor = null;
        }
        closeEngine();
        releaseLock();
        state.stopped();
    }

    public RelayState state() {
        return state;
    }

    /**
     * Takes the lock if it can and, holding it, starts the engine unless the slot is lost. Without the lock this
     * replica is a standby; the periodic {@link #check()} tries again.
     */
    private synchronized void attempt() {
        if (!running || engine != null) {
            return;
        }
        try {
            if (lock == null) {
                lock = relayDb.tryLock(config.slotName());
                if (lock == null) {
                    becomeStandby();
                    return;
                }
                LOG.infof("outbox relay took the relay lock of slot %s: this replica relays", config.slotName());
            }
            state.active();
            relayDb.createTables();
            relayDb.ensureInsertOnlyPublication(config.publicationName());
            if (slotIsLost()) {
                return;
            }
            launch();
        } catch (SQLException | RuntimeException e) {
            onEngineEnded(generation.get(), "cannot start the relay", e);
        }
    }

    private void becomeStandby() throws SQLException {
        RelayDatabase.SlotStatus slot = relayDb.slotStatus(config.slotName());
        boolean wasStandby = state.role() == RelayState.Role.STANDBY;
        state.standby(slot.exists() && !slot.invalidated());
        slotLagBytes = slot.lagBytes();
        if (!wasStandby) {
            LOG.infof("outbox relay is STANDBY: another replica holds the relay lock of slot %s", config.slotName());
        }
        if (state.acceptsWrites()) {
            settled.countDown();
        }
    }

    /**
     * Holding the lock: is the slot we streamed from gone? It is when PostgreSQL invalidated it, or when it no longer
     * exists although this database remembers streaming from it (our memory table, or Debezium's stored position).
     * Then say so loudly and do not re-create it, unless the operator set {@code accept-new-slot}.
     */
    private boolean slotIsLost() throws SQLException {
        String slotName = config.slotName();
        RelayDatabase.SlotStatus slot = relayDb.slotStatus(slotName);
        String reason = null;
        if (slot.invalidated()) {
            reason = "replication slot " + slotName + " was invalidated (WAL it needed was removed, see "
                    + "max_slot_wal_keep_size): events written meanwhile were not relayed";
        } else if (!slot.exists()
                && (relayDb.remembersSlot(slotName) || relayDb.hasOffsets(config.offsetsTable()))) {
            reason = "replication slot " + slotName + " this relay streamed from no longer exists: events written "
                    + "since it was dropped were not relayed";
        }
        if (reason == null) {
            return false;
        }
        if (config.acceptNewSlot()) {
            LOG.warnf("%s; postventa.relay.accept-new-slot=true: a new slot is created at the current position", reason);
            relayDb.forgetSlot(slotName, config.offsetsTable(), slot.invalidated());
            return false;
        }
        if (state.slotLost() == null) {
            LOG.errorf("%s. Writes are refused and readiness is DOWN until an operator recovers: restart with "
                    + "postventa.relay.accept-new-slot=true, or run DELETE FROM %s; DELETE FROM %s; (and drop an "
                    + "invalidated slot first)", reason, RelayDatabase.SLOT_MEMORY_TABLE, config.offsetsTable());
        }
        state.slotLost(reason);
        settled.countDown();
        return true;
    }

    /** Periodic: standby tries to take over, active checks it still holds the lock, the slot's lag is read. */
    private synchronized void check() {
        if (!running) {
            return;
        }
        try {
            if (lock != null && !RelayDatabase.stillHeld(lock)) {
                LOG.errorf("outbox relay lost its lock connection for slot %s: stopping the engine", config.slotName());
                closeEngine();
                releaseLock();
                state.down("lost the relay lock");
            }
            if (engine == null) {
                attempt();
            }
            if (running) {
                slotLagBytes = relayDb.slotStatus(config.slotName()).lagBytes();
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("outbox relay check failed: %s", e);
        }
    }

    private synchronized void launch() {
        if (!running) {
            return;
        }
        long current = generation.incrementAndGet();
        producer = createProducer();
        Properties properties = DebeziumProperties.of(serviceName, database, config, bootstrapServers);
        engine = DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
                .using(properties)
                .using(new DebeziumEngine.ConnectorCallback() {
                    @Override
                    public void taskStarted() {
                        LOG.infof("outbox relay streaming from slot %s", config.slotName());
                        try {
                            relayDb.rememberSlot(config.slotName());
                        } catch (SQLException e) {
                            LOG.warnf("cannot remember that slot %s exists: %s", config.slotName(), e);
                        }
                        state.streaming();
                        nextBackoff = config.initialBackoff();
                        settled.countDown();
                    }

                    @Override
                    public void taskStopped() {
                        if (current == generation.get()) {
                            state.down("task stopped");
                        }
                    }
                })
                .using((success, message, error) -> onEngineEnded(current, message, error))
                .notifying(new KafkaForwarder(producer, new OutboxRecordMapper(serviceName),
                        config.sendTimeout().toMillis(), this::park, relayed::relayed))
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

    private void park(ProducerRecord<String, byte[]> record, Throwable refusal) {
        if (relayDb.park(record, refusal.toString())) {
            parked.increment();
        }
        LOG.errorf("outbox event %s (%s, key %s, %d bytes) refused by Kafka for good: parked in %s, relaying goes on"
                        + " (%s)", KafkaForwarder.header(record, "ce_id"), record.topic(), record.key(),
                record.value() == null ? 0 : record.value().length, RelayDatabase.PARKED_TABLE, refusal);
    }

    /**
     * Called on the engine's thread (never take this object's lock here: {@link #closeEngine()} holds it while it waits
     * for that thread to end).
     */
    private void onEngineEnded(long engineGeneration, String message, Throwable error) {
        String reason = error != null ? message + ": " + error : message;
        if (engineGeneration != generation.get()) {
            LOG.debugf("an outbox relay engine this relay closed itself ended (%s)", reason);
            return;
        }
        state.down(reason);
        if (!running) {
            return;
        }
        Duration wait = nextBackoff;
        nextBackoff = min(wait.multipliedBy(2), config.maxBackoff());
        LOG.errorf("outbox relay engine ended (%s); restarting in %s", reason, wait);
        supervisor.schedule(() -> restart(engineGeneration), wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Restarts after the engine of that generation ended, unless another engine was started meanwhile. */
    private synchronized void restart(long endedGeneration) {
        if (!running || endedGeneration != generation.get()) {
            return;
        }
        state.restarting();
        closeEngine();
        attempt();
    }

    private synchronized void releaseLock() {
        if (lock != null) {
            try {
                lock.close();
            } catch (SQLException e) {
                LOG.debug("closing the relay lock connection", e);
            }
            lock = null;
        }
    }

    private synchronized void closeEngine() {
        // From here on, the end this engine reports is one we caused: not a failure (see generation).
        generation.incrementAndGet();
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
