package dev.postventa.support.relay;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the embedded Debezium outbox relay. Slot and publication names default from the service name. */
@ConfigMapping(prefix = "postventa.relay")
public interface RelayConfig {

    /** Starts the relay with the application. */
    @WithDefault("true")
    boolean enabled();

    /** Logical replication slot of this service (one per service and database). */
    String slotName();

    /** Publication that covers only the outbox table. */
    String publicationName();

    /** How long startup waits for the relay to stream before the service gives up starting. */
    @WithDefault("90s")
    Duration startupTimeout();

    /** First wait before restarting a failed engine; doubled after each failure. */
    @WithDefault("1s")
    Duration initialBackoff();

    /** Longest wait between restarts. */
    @WithDefault("30s")
    Duration maxBackoff();

    /** How often relayed positions are stored in the offsets table (and acknowledged to the slot). */
    @WithDefault("1s")
    Duration offsetFlushInterval();

    /** Heartbeats let the slot advance while no outbox event is written, so quiet services do not retain WAL. */
    @WithDefault("10s")
    Duration heartbeatInterval();

    /**
     * How long Debezium waits for more changes before handing over a batch, and sleeps when the replication stream
     * has nothing to read. Debezium's default (500 ms) is a floor under every event's commit → Kafka delay at low
     * rates: an event waits for the poll interval to pass unless a full batch arrives first. 10 ms costs about a
     * hundred idle wake-ups a second and keeps the relay's own share of the delay near that.
     */
    @WithDefault("10ms")
    Duration pollInterval();

    /** Most changes handed to the Kafka forwarder at once (one producer flush per batch). */
    @WithDefault("4096")
    int maxBatchSize();

    /** Changes Debezium buffers between the replication stream and the forwarder; must exceed the batch size. */
    @WithDefault("16384")
    int maxQueueSize();

    /** Table in the service's database where Debezium keeps its offsets. */
    @WithDefault("outbox_relay_offsets")
    String offsetsTable();

    /** Longest wait for Kafka to acknowledge a batch before the engine is failed and restarted. */
    @WithDefault("60s")
    Duration sendTimeout();

    /**
     * How often a standby replica tries to take the relay lock, the active one checks it still holds it, and the
     * slot (existence, lag) is looked at.
     */
    @WithDefault("5s")
    Duration lockCheckInterval();

    /**
     * Recovery after a lost replication slot: while true, a slot this database remembers but PostgreSQL no longer has
     * is created anew at the current position (the events written while it was missing are not relayed). Set it for
     * one start after an operator has dealt with the gap, then remove it.
     */
    @WithDefault("false")
    boolean acceptNewSlot();
}
