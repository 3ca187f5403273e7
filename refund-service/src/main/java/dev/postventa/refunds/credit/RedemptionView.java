package dev.postventa.refunds.credit;

import dev.postventa.events.Money;
import java.time.Instant;
import java.util.UUID;

/** A redemption as answered to the storefront (the same answer for every retry with its Idempotency-Key). */
public record RedemptionView(UUID id, UUID accountId, Money amount, Money balance, String reference,
                             Instant redeemedAt) {

    static RedemptionView of(StoreCreditEntry entry, String currency) {
        return new RedemptionView(entry.id, entry.accountId, new Money(entry.amount, currency).normalized(),
                new Money(entry.balanceAfter, currency).normalized(), entry.reference, entry.createdAt);
    }
}
