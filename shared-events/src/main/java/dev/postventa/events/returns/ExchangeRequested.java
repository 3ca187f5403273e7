package dev.postventa.events.returns;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.DomainEvent;
import dev.postventa.events.Money;
import dev.postventa.events.Topics;
import java.time.Instant;
import java.util.UUID;

/**
 * returns-service asks the storefront to reserve a replacement for a returned line (one event per exchanged line,
 * when the return is approved). The storefront answers on {@code storefront.exchanges} with
 * {@code exchange.reserved} or {@code exchange.rejected} for the same {@code returnId} and {@code lineId}. Emitted by
 * returns-service; key = returnId; topic {@value Topics#RETURNS}.
 *
 * @param returnedSku the SKU coming back
 * @param replacementUnitPrice the replacement's price when the customer chose it (the storefront's inventory feed)
 * @param differenceToPay what the customer pays on top for a dearer replacement (only when the shop allows it);
 *     zero otherwise
 */
public record ExchangeRequested(UUID returnId, String orderId, String lineId, String returnedSku,
                                String replacementSku, int quantity, Money replacementUnitPrice,
                                Money differenceToPay, CustomerContact customer, Instant requestedAt)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return returnId.toString();
    }
}
