package dev.postventa.events.shipments;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.DomainEvent;
import dev.postventa.events.MayBeNull;
import dev.postventa.events.Topics;
import java.time.Instant;
import java.util.UUID;

/**
 * The carrier reported a problem with a return shipment: a failed pickup, the parcel going back to the sender, damage
 * or loss. Emitted by tracking-service once per carrier exception scan (deduplicated like every scan), so the customer
 * is told what happens next. Key = shipmentId; topic {@value Topics#SHIPMENTS}.
 *
 * @param kind {@link #FAILED_PICKUP}, {@link #RETURNED_TO_SENDER}, {@link #DAMAGED}, {@link #LOST} or {@link #OTHER}
 * @param carrierStatus the carrier's own word for it, as received
 * @param detail the carrier's message; null when none
 * @param scannedAt the carrier's time of the scan (the carrier's clock: shown, never used to order)
 * @param receivedAt when tracking-service received it (our clock)
 */
public record ReturnShipmentException(UUID shipmentId, UUID returnId, String carrier, String trackingNumber,
                                      String kind, String carrierStatus, @MayBeNull String detail,
                                      CustomerContact customer, Instant scannedAt, Instant receivedAt)
        implements DomainEvent {

    public static final String FAILED_PICKUP = "FAILED_PICKUP";
    public static final String RETURNED_TO_SENDER = "RETURNED_TO_SENDER";
    public static final String DAMAGED = "DAMAGED";
    public static final String LOST = "LOST";
    public static final String OTHER = "OTHER";

    @Override
    public String aggregateId() {
        return shipmentId.toString();
    }
}
