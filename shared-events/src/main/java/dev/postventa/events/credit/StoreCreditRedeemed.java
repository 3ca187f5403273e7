package dev.postventa.events.credit;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.DomainEvent;
import dev.postventa.events.Money;
import dev.postventa.events.Topics;
import java.time.Instant;
import java.util.UUID;

/**
 * The storefront spent store credit of a customer's account (at checkout). Emitted by refund-service; key = accountId;
 * topic {@value Topics#STORE_CREDIT}.
 *
 * @param reference the storefront's reference for the redemption (e.g. its order or cart id)
 * @param balance the account's balance after it
 */
public record StoreCreditRedeemed(UUID accountId, UUID entryId, Money amount, Money balance, String reference,
                                  CustomerContact customer, Instant redeemedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return accountId.toString();
    }
}
