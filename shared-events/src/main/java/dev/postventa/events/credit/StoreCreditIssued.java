package dev.postventa.events.credit;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.DomainEvent;
import dev.postventa.events.Money;
import dev.postventa.events.Topics;
import java.time.Instant;
import java.util.UUID;

/**
 * Store credit was added to a customer's account for a resolved return. Emitted by refund-service; key = accountId
 * (one account per customer and currency); topic {@value Topics#STORE_CREDIT}.
 *
 * @param entryId the ledger entry; redemptions and expiry refer to the account, not the entry
 * @param amount credited in total, bonus included (never more than the returned lines' value plus the bonus)
 * @param bonus the shop's bonus included in {@code amount} (zero when none)
 * @param balance the account's balance after this entry
 * @param expiresAt when what is left of this credit expires (refund-service's clock)
 */
public record StoreCreditIssued(UUID accountId, UUID entryId, UUID returnId, String orderId, Money amount,
                                Money bonus, Money balance, CustomerContact customer, Instant expiresAt,
                                Instant issuedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return accountId.toString();
    }
}
