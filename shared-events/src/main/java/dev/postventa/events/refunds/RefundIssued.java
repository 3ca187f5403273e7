package dev.postventa.events.refunds;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.DomainEvent;
import dev.postventa.events.Money;
import dev.postventa.events.Topics;
import java.time.Instant;
import java.util.UUID;

/**
 * The payment provider accepted the refund of a received return. Emitted by refund-service; key = refundId;
 * topic {@value Topics#REFUNDS}.
 */
public record RefundIssued(UUID refundId, UUID returnId, String orderId, Money amount, String providerReference,
                           CustomerContact customer, Instant issuedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return refundId.toString();
    }
}
