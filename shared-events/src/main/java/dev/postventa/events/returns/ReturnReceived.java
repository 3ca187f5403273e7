package dev.postventa.events.returns;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.DomainEvent;
import dev.postventa.events.ReturnedLine;
import dev.postventa.events.Topics;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The returned parcel reached the warehouse; {@code lines} are the received lines with what was paid for them.
 * Emitted by returns-service; key = returnId; topic {@value Topics#RETURNS}.
 */
public record ReturnReceived(UUID returnId, String orderId, String rmaNumber, CustomerContact customer,
                             List<ReturnedLine> lines, Instant receivedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return returnId.toString();
    }
}
