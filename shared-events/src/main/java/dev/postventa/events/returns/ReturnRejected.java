package dev.postventa.events.returns;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.DomainEvent;
import dev.postventa.events.ReturnedLine;
import dev.postventa.events.Topics;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Operations refused a return on manual review; final, nothing is shipped, refunded or credited, and its units count
 * as returnable again. Emitted by returns-service; key = returnId; topic {@value Topics#RETURNS}.
 *
 * @param reason what the reviewer wrote, shown to the customer
 */
public record ReturnRejected(UUID returnId, String orderId, CustomerContact customer, List<ReturnedLine> lines,
                             String reason, Instant rejectedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return returnId.toString();
    }
}
