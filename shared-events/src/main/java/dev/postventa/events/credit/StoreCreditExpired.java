package dev.postventa.events.credit;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.DomainEvent;
import dev.postventa.events.Money;
import dev.postventa.events.Topics;
import java.time.Instant;
import java.util.UUID;

/**
 * What was left of an issued credit reached its expiry and left the balance. Emitted by refund-service; key =
 * accountId; topic {@value Topics#STORE_CREDIT}.
 *
 * @param issuedEntryId the issue entry that expired
 * @param amount what expired (the unspent part)
 * @param balance the account's balance after it
 */
public record StoreCreditExpired(UUID accountId, UUID entryId, UUID issuedEntryId, Money amount, Money balance,
                                 CustomerContact customer, Instant expiredAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return accountId.toString();
    }
}
