package dev.postventa.events.returns;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.DomainEvent;
import dev.postventa.events.Topics;
import java.time.Instant;
import java.util.UUID;

/** The carrier picked up the returned parcel. Emitted by returns-service; key = returnId; topic {@value Topics#RETURNS}. */
public record ReturnInTransit(UUID returnId, String orderId, String rmaNumber, String trackingNumber,
                              CustomerContact customer, Instant inTransitAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return returnId.toString();
    }
}
