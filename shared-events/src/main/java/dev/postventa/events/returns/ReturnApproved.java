package dev.postventa.events.returns;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.DomainEvent;
import dev.postventa.events.ReturnedLine;
import dev.postventa.events.Topics;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The return policy approved a return and gave it an RMA number. Emitted by returns-service; key = returnId; topic
 * {@value Topics#RETURNS}.
 *
 * @param keptByCustomer true when the customer keeps every item (all lines under the keep-the-item threshold): no
 *     label is made and nothing is shipped; added within v1, missing means false
 */
public record ReturnApproved(UUID returnId, String orderId, String rmaNumber, CustomerContact customer,
                             List<ReturnedLine> lines, Instant approvedAt, boolean keptByCustomer)
        implements DomainEvent {

    /** An approval of a return that is shipped back (the contract before keep-the-item). */
    public ReturnApproved(UUID returnId, String orderId, String rmaNumber, CustomerContact customer,
                          List<ReturnedLine> lines, Instant approvedAt) {
        this(returnId, orderId, rmaNumber, customer, lines, approvedAt, false);
    }

    @Override
    public String aggregateId() {
        return returnId.toString();
    }
}
