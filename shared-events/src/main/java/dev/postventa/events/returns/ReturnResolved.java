package dev.postventa.events.returns;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.DomainEvent;
import dev.postventa.events.MayBeNull;
import dev.postventa.events.Money;
import dev.postventa.events.Topics;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The return's outcome is decided: what goes back to the original payment, what becomes store credit (before the
 * shop's bonus, which refund-service adds) and which replacements ship. Emitted once per return, after inspection (or
 * on approval when the customer keeps every item). refund-service settles the money from it. Key = returnId; topic
 * {@value Topics#RETURNS}.
 *
 * @param rmaNumber the RMA number
 * @param refundAmount the sum of the lines settled as {@code REFUND} (zero when none)
 * @param creditAmount the sum of the lines settled as {@code STORE_CREDIT}, before any bonus (zero when none)
 * @param restockingFees the sum of the fees deducted (zero when none)
 * @param keptByCustomer true when nothing was shipped back (every line under the keep-the-item threshold)
 */
public record ReturnResolved(UUID returnId, String orderId, @MayBeNull String rmaNumber, CustomerContact customer,
                             List<ResolvedLine> lines, Money refundAmount, Money creditAmount, Money restockingFees,
                             boolean keptByCustomer, Instant resolvedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return returnId.toString();
    }
}
