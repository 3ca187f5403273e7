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
