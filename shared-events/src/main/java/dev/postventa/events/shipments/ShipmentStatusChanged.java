package dev.postventa.events.shipments;

import dev.postventa.events.DomainEvent;
import dev.postventa.events.MayBeNull;
import dev.postventa.events.Topics;
import java.time.Instant;
import java.util.UUID;

/**
 * A carrier scan moved a return shipment to a new normalised status (by the carrier's scan time, not arrival).
 * Emitted by tracking-service; key = shipmentId; topic {@value Topics#SHIPMENTS}.
 *
 * @param previousStatus null for the first status
 */
public record ShipmentStatusChanged(UUID shipmentId, UUID returnId, String trackingNumber, ShipmentStatus status,
                                    @MayBeNull ShipmentStatus previousStatus, String carrierStatus,
                                    @MayBeNull String location,
                                    Instant scannedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return shipmentId.toString();
    }
}
