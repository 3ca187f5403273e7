package dev.postventa.events.shipments;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.DomainEvent;
import dev.postventa.events.Topics;
import java.time.Instant;
import java.util.UUID;

/**
 * A return label has not been used (no carrier scan) for the shop's reminder period: the customer is reminded to drop
 * the parcel off before the label counts as stalled. Emitted once per shipment by tracking-service. Key = shipmentId;
 * topic {@value Topics#SHIPMENTS}.
 *
 * @param labelCreatedAt when the label was made (tracking-service's clock)
 */
public record ReturnLabelReminderDue(UUID shipmentId, UUID returnId, String rmaNumber, String carrier,
                                     String trackingNumber, String labelUrl, CustomerContact customer,
                                     Instant labelCreatedAt, Instant remindedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return shipmentId.toString();
    }
}
