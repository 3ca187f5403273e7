package dev.postventa.events;

/** A message whose headers or payload do not follow its contract. Retrying cannot help: it goes to the dead-letter topic. */
public class UndecodableEventException extends RuntimeException {

    public UndecodableEventException(String message) {
        super(message);
    }

    public UndecodableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
