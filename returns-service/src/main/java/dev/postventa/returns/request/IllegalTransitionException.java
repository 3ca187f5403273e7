package dev.postventa.returns.request;

import java.util.UUID;

/** A return was asked to make a step its current status does not allow (e.g. approving one already approved). */
public class IllegalTransitionException extends IllegalStateException {

    private final UUID returnId;
    private final ReturnStatus status;

    public IllegalTransitionException(UUID returnId, ReturnStatus status, String step) {
        super("return " + returnId + " is " + status + ": cannot " + step);
        this.returnId = returnId;
        this.status = status;
    }

    public UUID returnId() {
        return returnId;
    }

    public ReturnStatus status() {
        return status;
    }
}
