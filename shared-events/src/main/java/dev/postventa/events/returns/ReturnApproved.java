package dev.postventa.events.returns;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.DomainEvent;
import dev.postventa.events.MayBeNull;
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
 * @param shipBy the last moment the customer should hand the parcel to the carrier: the latest closing of the lines'
 *     return windows plus the shop's grace period, by returns-service's policy (its clock and the order's country's
 *     zone). Reminders are timed against it. Null when the return is kept, and from producers before it (added
 *     within v1)
 */
public record ReturnApproved(UUID returnId, String orderId, String rmaNumber, CustomerContact customer,
                             List<ReturnedLine> lines, Instant approvedAt, boolean keptByCustomer,
                             @MayBeNull Instant shipBy)
        implements DomainEvent {

    /** An approval of a return that is shipped back (the contract before keep-the-item). */
    public ReturnApproved(UUID returnId, String orderId, String rmaNumber, CustomerContact customer,
                          List<ReturnedLine> lines, Instant approvedAt) {
        this(returnId, orderId, rmaNumber, customer, lines, approvedAt, false, null);
    }

    /** An approval without a ship-by time (the contract before it). */
    public ReturnApproved(UUID returnId, String orderId, String rmaNumber, CustomerContact customer,
                          List<ReturnedLine> lines, Instant approvedAt, boolean keptByCustomer) {
        this(returnId, orderId, rmaNumber, customer, lines, approvedAt, keptByCustomer, null);
    }

    @Override
    public String aggregateId() {
        return returnId.toString();
    }
}
