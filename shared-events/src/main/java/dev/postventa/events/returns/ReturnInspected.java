package dev.postventa.events.returns;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.DomainEvent;
import dev.postventa.events.Topics;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The warehouse inspected a received return (or, where the shop accepts on receipt, the service accepted every unit
 * at once: {@code automatic}). Lines carry the accepted quantities; fewer accepted than expected is a partial
 * acceptance, told to the customer with the reason. Emitted by returns-service; key = returnId; topic
 * {@value Topics#RETURNS}.
 */
public record ReturnInspected(UUID returnId, String orderId, String rmaNumber, CustomerContact customer,
                              List<InspectedLine> lines, boolean automatic, Instant inspectedAt)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return returnId.toString();
    }

    /** True when some unit announced was not accepted. */
    public boolean partial() {
        return lines.stream().anyMatch(line -> line.acceptedQuantity() < line.expectedQuantity());
    }
}
