package dev.postventa.events.returns;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.DomainEvent;
import dev.postventa.events.Topics;
import java.time.Instant;
import java.util.UUID;

/**
 * The replacement of an exchanged line could not be reserved (the storefront's {@code exchange.rejected}, or no
 * answer before the return was settled): the customer's fallback choice now applies to that line and the customer is
 * told. Emitted by returns-service; key = returnId; topic {@value Topics#RETURNS}.
 *
 * @param fallback {@code REFUND} or {@code STORE_CREDIT}
 * @param reason the storefront's reason (e.g. {@code out_of_stock}), or why no reservation counted
 */
public record ExchangeFallbackApplied(UUID returnId, String orderId, String lineId, String replacementSku,
                                      String fallback, String reason, CustomerContact customer, Instant appliedAt)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return returnId.toString();
    }
}
