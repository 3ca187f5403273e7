package dev.postventa.events.refunds;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.DomainEvent;
import dev.postventa.events.Money;
import dev.postventa.events.Topics;
import java.time.Instant;
import java.util.UUID;

/**
 * The payment provider refused the refund for good (retries of transient failures are over).
 * Emitted by refund-service; key = refundId; topic {@value Topics#REFUNDS}.
 */
public record RefundFailed(UUID refundId, UUID returnId, String orderId, Money amount, String reason,
                           CustomerContact customer, Instant failedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return refundId.toString();
    }
}
