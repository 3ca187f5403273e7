package dev.postventa.support.outbox;

/** Refuses a write before the relay's replication slot exists: such an event could never be relayed. */
public class RelayNotReadyException extends RuntimeException {

    public RelayNotReadyException() {
        super("the outbox relay has not started streaming yet; retry shortly");
    }
}
