package dev.postventa.events.returns;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.DomainEvent;
import dev.postventa.events.Topics;
import java.time.Instant;
import java.util.UUID;

/**
 * The storefront reserved the replacement of an exchanged line; the customer is told it is held. Emitted by
 * returns-service on the storefront's {@code exchange.reserved}; key = returnId; topic {@value Topics#RETURNS}.
 */
public record ExchangeConfirmed(UUID returnId, String orderId, String lineId, String replacementSku, int quantity,
                                String reservationId, CustomerContact customer, Instant confirmedAt)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return returnId.toString();
    }
}
