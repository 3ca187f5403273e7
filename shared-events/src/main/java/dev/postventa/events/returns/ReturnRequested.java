package dev.postventa.events.returns;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.DomainEvent;
import dev.postventa.events.MayBeNull;
import dev.postventa.events.ReturnedLine;
import dev.postventa.events.Topics;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A customer asked to return lines of a delivered order. Emitted by returns-service; key = returnId; topic {@value Topics#RETURNS}. */
public record ReturnRequested(UUID returnId, String orderId, CustomerContact customer, List<ReturnedLine> lines,
                              @MayBeNull String comment, Instant requestedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return returnId.toString();
    }
}
