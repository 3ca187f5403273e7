package dev.postventa.support.relay;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/** What the relay is doing right now, shared by the supervisor, the readiness check and the outbox writer. */
@ApplicationScoped
public class RelayState {

    /** Which replica relays: exactly one per database holds the relay lock and streams. */
    public enum Role {
        /** Not decided yet (starting) or stopped. */
        NONE,
        /** Holds the relay lock: streams (or restarts its engine). */
        ACTIVE,
        /** Another replica holds the lock and relays; this one serves HTTP, consumes and keeps trying to take over. */
        STANDBY
    }

    /** What an operator sees ({@code postventa_relay_state{state}}): one of these is 1, the others 0. */
    public enum Phase {
        /** Active and streaming the outbox to Kafka. */
        STREAMING,
        /** Holds the relay lock but its engine stopped or failed: the supervisor restarts it with backoff. */
        RESTARTING,
        /** Not relaying: stopped, not started yet, disabled, or its replication slot is lost. */
        DOWN,
        /** Another replica relays; this one takes over if that one goes away. */
        STANDBY
    }

    private volatile boolean streaming;
    private volatile boolean slotEstablished;
    private volatile String lastError;
    private volatile String slotLost;
    private volatile Role role = Role.NONE;
    private volatile Instant since = Instant.now();
    private final AtomicInteger restarts = new AtomicInteger();

    void streaming() {
        streaming = true;
        role = Role.ACTIVE;
        // Once the task has streamed, the replication slot exists and retains WAL: writes made while the engine
        // is restarting are relayed later, so they are safe to accept.
        slotEstablished = true;
        slotLost = null;
        lastError = null;
        since = Instant.now();
    }

    void down(String reason) {
        streaming = false;
        lastError = reason;
        since = Instant.now();
    }

    void restarting() {
        restarts.incrementAndGet();
    }

    /** Another replica relays; writes are safe while its slot exists. */
    void standby(boolean slotExists) {
        streaming = false;
        role = Role.STANDBY;
        slotEstablished = slotExists && slotLost == null;
        lastError = slotExists ? null : "standby: the relay slot does not exist yet";
        since = Instant.now();
    }

    void active() {
        role = Role.ACTIVE;
    }

    void stopped() {
        down("stopped");
        role = Role.NONE;
    }

    /** The slot this relay had streamed from is gone: events written since are lost, and new ones would be too. */
    void slotLost(String reason) {
        slotLost = reason;
        slotEstablished = false;
        down(reason);
    }

    public boolean isStreaming() {
        return streaming;
    }

    /** True once the slot exists, so that an event written now cannot be missed by the relay. */
    public boolean acceptsWrites() {
        return slotEstablished && slotLost == null;
    }

    /** Ready: streaming, or a standby while the active replica's slot exists. */
    public boolean isReady() {
        return slotLost == null && (streaming || (role == Role.STANDBY && slotEstablished));
    }

    public Phase phase() {
        if (streaming) {
            return Phase.STREAMING;
        }
        if (slotLost != null) {
            return Phase.DOWN;
        }
        return switch (role) {
            case ACTIVE -> Phase.RESTARTING;
            case STANDBY -> Phase.STANDBY;
            case NONE -> Phase.DOWN;
        };
    }

    public Role role() {
        return role;
    }

    /** Why the slot is considered lost, or null. */
    public String slotLost() {
        return slotLost;
    }

    public String lastError() {
        return lastError;
    }

    public Instant since() {
        return since;
    }

    public int restarts() {
        return restarts.get();
    }
}
