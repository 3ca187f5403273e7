package dev.postventa.events.shipments;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.DomainEvent;
import dev.postventa.events.MayBeNull;
import dev.postventa.events.Topics;
import java.time.Instant;
import java.util.UUID;

/**
 * A return label has not been used (no carrier scan) for the shop's reminder period, or the return's ship-by time is
 * near: the customer is reminded to drop the parcel off before the label counts as stalled or the window closes. Emitted once per shipment by tracking-service. Key = shipmentId;
 * topic {@value Topics#SHIPMENTS}.
 *
 * @param labelCreatedAt when the label was made (tracking-service's clock)
 * @param shipBy the return's ship-by time from {@code ReturnApproved} (returns-service's policy), shown to the customer
 *     as the date to drop the parcel off by; null when the approval carried none (added within v1)
 */
public record ReturnLabelReminderDue(UUID shipmentId, UUID returnId, String rmaNumber, String carrier,
                                     String trackingNumber, String labelUrl, CustomerContact customer,
                                     Instant labelCreatedAt, Instant remindedAt, @MayBeNull Instant shipBy)
        implements DomainEvent {

    /** A reminder without a ship-by time (the contract before it). */
    public ReturnLabelReminderDue(UUID shipmentId, UUID returnId, String rmaNumber, String carrier,
                                  String trackingNumber, String labelUrl, CustomerContact customer,
                                  Instant labelCreatedAt, Instant remindedAt) {
        this(shipmentId, returnId, rmaNumber, carrier, trackingNumber, labelUrl, customer, labelCreatedAt, remindedAt,
                null);
    }

    @Override
    public String aggregateId() {
        return shipmentId.toString();
    }
}
