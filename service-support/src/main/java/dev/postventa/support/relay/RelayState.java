package dev.postventa.support.relay;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/** What the relay is doing right now, shared by the supervisor, the readiness check and the outbox writer. */
@ApplicationScoped
public class RelayState {

    private volatile boolean streaming;
    private volatile boolean slotEstablished;
    private volatile String lastError;
    private volatile Instant since = Instant.now();
    private final AtomicInteger restarts = new AtomicInteger();

    void streaming() {
        streaming = true;
        // Once the task has streamed, the replication slot exists and retains WAL: writes made while the engine
        // is restarting are relayed later, so they are safe to accept.
        slotEstablished = true;
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

    public boolean isStreaming() {
        return streaming;
    }

    /** True once the slot exists, so that an event written now cannot be missed by the relay. */
    public boolean acceptsWrites() {
        return slotEstablished;
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
