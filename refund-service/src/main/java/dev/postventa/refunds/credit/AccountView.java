package dev.postventa.refunds.credit;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.postventa.events.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A store credit account as the API shows it: its balance and its ledger, oldest entry first. */
public record AccountView(UUID id, String currency, Money balance, List<Entry> entries) {

    /**
     * One ledger entry. {@code bonus}, {@code remaining} (unspent), {@code expiresAt}, {@code returnId} and
     * {@code orderId} are an ISSUE's; {@code reference} a REDEEM's; {@code issueEntryId} an EXPIRE's.
     */
    public record Entry(UUID id, EntryKind kind, Money amount, Money balanceAfter, Money bonus, Money remaining,
                        Instant expiresAt, UUID returnId, String orderId, UUID issueEntryId, String reference,
                        Instant createdAt) {
    }

    static AccountView of(StoreCreditAccount account, List<StoreCreditEntry> entries) {
        String currency = account.currency;
        return new AccountView(account.id, currency, account.balanceMoney(), entries.stream()
                .map(e -> new Entry(e.id, e.kind, e.money(e.amount, currency), e.money(e.balanceAfter, currency),
                        e.money(e.bonus, currency), e.money(e.remaining, currency), e.expiresAt, e.returnId,
                        e.orderId, e.issueEntryId, e.reference, e.createdAt))
                .toList());
    }

    /** The orders whose returns were credited to this account (a customer's token opens the account through one). */
    @JsonIgnore
    public List<String> creditedOrders() {
        return entries.stream().filter(e -> e.kind() == EntryKind.ISSUE).map(Entry::orderId).distinct().toList();
    }
}
