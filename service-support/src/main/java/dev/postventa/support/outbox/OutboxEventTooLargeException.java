package dev.postventa.support.outbox;

import dev.postventa.support.problem.ProblemException;
import java.util.List;

/**
 * Refuses an event whose JSON is larger than {@code postventa.outbox.max-event-bytes}: Kafka would refuse to carry it
 * (its default limit is 1 MiB a record), so it is refused here, in the business transaction, instead of later by the
 * relay. Reaches an HTTP client as 413 problem+json of type {@code event-too-large}.
 */
public class OutboxEventTooLargeException extends ProblemException {

    private final int bytes;
    private final int maxBytes;

    public OutboxEventTooLargeException(String eventType, int bytes, int maxBytes) {
        super(413, "event-too-large", "Too large to publish",
                "the " + eventType + " event this request would publish is " + bytes + " bytes of JSON, above the "
                        + maxBytes + " bytes an event may have; send fewer or shorter values", List.of());
        this.bytes = bytes;
        this.maxBytes = maxBytes;
    }

    public int bytes() {
        return bytes;
    }

    public int maxBytes() {
        return maxBytes;
    }
}
