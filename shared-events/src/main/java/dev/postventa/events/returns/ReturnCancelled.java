package dev.postventa.events.returns;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.DomainEvent;
import dev.postventa.events.MayBeNull;
import dev.postventa.events.Topics;
import java.time.Instant;
import java.util.UUID;

/**
 * The customer cancelled the return before the carrier picked it up: its label is to be voided, any exchange
 * reservation released, and nothing is refunded or credited. A later scan of its label changes nothing. Emitted by
 * returns-service; key = returnId; topic {@value Topics#RETURNS}.
 *
 * @param rmaNumber null when it was cancelled before approval
 * @param trackingNumber the label to void; null when no label had been reported yet
 */
public record ReturnCancelled(UUID returnId, String orderId, @MayBeNull String rmaNumber,
                              @MayBeNull String trackingNumber, CustomerContact customer, Instant cancelledAt)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return returnId.toString();
    }
}
