package dev.postventa.events.shipments;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.DomainEvent;
import dev.postventa.events.Topics;
import java.time.Instant;
import java.util.UUID;

/**
 * A return label was created with a carrier for an approved return. Emitted by tracking-service;
 * key = shipmentId; topic {@value Topics#SHIPMENTS}.
 */
public record ReturnShipmentCreated(UUID shipmentId, UUID returnId, String rmaNumber, String carrier,
                                    String trackingNumber, String labelUrl, CustomerContact customer,
                                    Instant createdAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return shipmentId.toString();
    }
}
