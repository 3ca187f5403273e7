package dev.postventa.events.returns;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.DomainEvent;
import dev.postventa.events.ReturnedLine;
import dev.postventa.events.Topics;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The return policy approved a return and gave it an RMA number. Emitted by returns-service; key = returnId; topic {@value Topics#RETURNS}. */
public record ReturnApproved(UUID returnId, String orderId, String rmaNumber, CustomerContact customer,
                             List<ReturnedLine> lines, Instant approvedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return returnId.toString();
    }
}
