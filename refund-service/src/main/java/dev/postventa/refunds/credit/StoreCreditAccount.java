package dev.postventa.refunds.credit;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.Money;
import dev.postventa.events.credit.StoreCreditExpired;
import dev.postventa.events.credit.StoreCreditIssued;
import dev.postventa.events.credit.StoreCreditRedeemed;
import dev.postventa.support.persistence.CustomerColumns;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A customer's store credit in one currency. Owns its balance: an issue adds credit that expires, a redemption spends
 * the oldest-expiring credit first (so expiry takes only what is truly unspent) and never overdraws, an expiry removes
 * the unspent rest of one issue. Each returns the ledger entry to store and the event to publish; the caller holds
 * the account's row lock.
 */
@Entity
@Table(name = "store_credit_account")
public class StoreCreditAccount extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "customer_key")
    public String customerKey;
    public String currency;
    public BigDecimal balance;
    @Embedded
    public CustomerColumns contact;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** A ledger entry and the event it raises. */
    public record Change<E>(StoreCreditEntry entry, E event) {
    }

    public Money balanceMoney() {
        return new Money(balance, currency).normalized();
    }

    /** Adds the credit of a resolved return (bonus included), spendable until {@code now + validity}. */
    public Change<StoreCreditIssued> issue(UUID entryId, UUID returnId, String orderId, CreditAmounts amounts,
                                           CustomerContact customer, Duration validity, Instant now) {
        requireCurrency(amounts.issued());
        balance = balance.add(amounts.issued().amount());
        contact = CustomerColumns.of(customer);
        updatedAt = now;
        StoreCreditEntry entry = entry(entryId, EntryKind.ISSUE, amounts.issued().amount(), now);
        entry.bonus = amounts.bonus().amount();
        entry.remaining = amounts.issued().amount();
        entry.expiresAt = now.plus(validity);
        entry.returnId = returnId;
        entry.orderId = orderId;
        return new Change<>(entry, new StoreCreditIssued(id, entryId, returnId, orderId, amounts.issued(),
                amounts.bonus(), balanceMoney(), customer, entry.expiresAt, now));
    }

    /**
     * Spends {@code amount} from the unspent issues, the oldest-expiring first ({@code unspentIssues} must be this
     * account's unexpired issues with something left, ordered by expiry).
     *
     * @throws InsufficientStoreCreditException when the balance is smaller than {@code amount}: nothing changes
     */
    public Change<StoreCreditRedeemed> redeem(UUID entryId, Money amount, String reference, String idempotencyKey,
                                              String fingerprint, List<StoreCreditEntry> unspentIssues, Instant now) {
        requireCurrency(amount);
        if (amount.amount().signum() <= 0) {
            throw new IllegalArgumentException("a redemption must spend something: " + amount.amount().toPlainString());
        }
        if (balance.compareTo(amount.amount()) < 0) {
            throw new InsufficientStoreCreditException(balanceMoney());
        }
        BigDecimal left = amount.amount();
        for (StoreCreditEntry issue : unspentIssues) {
            if (left.signum() == 0) {
                break;
            }
            BigDecimal taken = issue.remaining.min(left);
            issue.remaining = issue.remaining.subtract(taken);
            left = left.subtract(taken);
        }
        if (left.signum() > 0) {
            // The balance is the sum of the unspent issues; a difference is a ledger bug, never spent on credit.
            throw new IllegalStateException("account " + id + ": balance " + balance.toPlainString()
                    + " is more than its unspent issues (" + left.toPlainString() + " missing)");
        }
        balance = balance.subtract(amount.amount());
        updatedAt = now;
        StoreCreditEntry entry = entry(entryId, EntryKind.REDEEM, amount.amount(), now);
        entry.reference = reference;
        entry.idempotencyKey = idempotencyKey;
        entry.requestFingerprint = fingerprint;
        return new Change<>(entry, new StoreCreditRedeemed(id, entryId, amount.normalized(), balanceMoney(), reference,
                contact.toContact(), now));
    }

    /** Removes the unspent rest of an issue past its expiry; nothing when it was all spent (null). */
    public Change<StoreCreditExpired> expire(UUID entryId, StoreCreditEntry issue, Instant now) {
        if (issue.kind != EntryKind.ISSUE || !id.equals(issue.accountId)) {
            throw new IllegalArgumentException("entry " + issue.id + " is not an issue of account " + id);
        }
        if (issue.remaining.signum() == 0) {
            return null;
        }
        if (issue.expiresAt.isAfter(now)) {
            throw new IllegalArgumentException("issue " + issue.id + " expires only at " + issue.expiresAt);
        }
        BigDecimal expired = issue.remaining;
        issue.remaining = BigDecimal.ZERO;
        balance = balance.subtract(expired);
        updatedAt = now;
        StoreCreditEntry entry = entry(entryId, EntryKind.EXPIRE, expired, now);
        entry.issueEntryId = issue.id;
        return new Change<>(entry, new StoreCreditExpired(id, entryId, issue.id,
                new Money(expired, currency).normalized(), balanceMoney(), contact.toContact(), now));
    }

    private StoreCreditEntry entry(UUID entryId, EntryKind kind, BigDecimal amount, Instant now) {
        StoreCreditEntry entry = new StoreCreditEntry();
        entry.id = entryId;
        entry.accountId = id;
        entry.kind = kind;
        entry.amount = amount;
        entry.balanceAfter = balance;
        entry.createdAt = now;
        return entry;
    }

    private void requireCurrency(Money money) {
        if (!currency.equals(money.currency())) {
            throw new IllegalArgumentException("account " + id + " holds " + currency + ", not " + money.currency());
        }
    }
}
