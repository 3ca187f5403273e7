package dev.postventa.support.outbox;

/**
 * Refuses a write while the relay's replication slot does not exist (not created yet, or lost): such an event could
 * never be relayed. Reaches an HTTP client as 503 problem+json.
 */
public class RelayNotReadyException extends RuntimeException {

    public RelayNotReadyException() {
        super("the outbox relay has not started streaming yet; retry shortly");
    }

    public RelayNotReadyException(String reason) {
        super(reason);
    }
}
