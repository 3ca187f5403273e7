package dev.postventa.events.shipments;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.DomainEvent;
import dev.postventa.events.Topics;
import java.time.Instant;
import java.util.UUID;

/**
 * A return shipment stopped moving: no new scan for longer than the SLA of its status (a label not used, a parcel
 * not moving in transit). Emitted once per stall by tracking-service, so the customer can be told what happens next
 * before they ask; a later scan ends the stall (and a new stall may follow). Key = shipmentId; topic
 * {@value Topics#SHIPMENTS}.
 *
 * @param status the shipment's status while stalled ({@code LABEL_CREATED}: label never used)
 * @param lastMovementAt when tracking-service received the latest scan (or made the label): our clock, never the
 *     carrier's
 * @param threshold the SLA that was exceeded, an ISO-8601 duration (e.g. {@code PT72H}, {@code Duration.toString()})
 * @param detectedAt when the stall was noticed (our clock)
 */
public record ReturnShipmentStalled(UUID shipmentId, UUID returnId, String carrier, String trackingNumber,
                                    ShipmentStatus status, Instant lastMovementAt, String threshold,
                                    CustomerContact customer, Instant detectedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return shipmentId.toString();
    }
}
