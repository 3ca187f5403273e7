package dev.postventa.refunds.credit;

import dev.postventa.events.Money;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One line of a store credit account's ledger: an issue, a redemption or an expiry. Written once; only an issue's
 * {@code remaining} changes afterwards (spent by redemptions, zeroed by its expiry). */
@Entity
@Table(name = "store_credit_entry")
public class StoreCreditEntry extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "account_id")
    public UUID accountId;
    @Enumerated(EnumType.STRING)
    public EntryKind kind;
    public BigDecimal amount;
    /** ISSUE: the bonus included in {@code amount}. */
    public BigDecimal bonus;
    @Column(name = "balance_after")
    public BigDecimal balanceAfter;
    /** ISSUE: what is still unspent of it. */
    public BigDecimal remaining;
    /** ISSUE: when its unspent part expires. */
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "return_id")
    public UUID returnId;
    @Column(name = "order_id")
    public String orderId;
    /** EXPIRE: the issue whose remainder expired. */
    @Column(name = "issue_entry_id")
    public UUID issueEntryId;
    /** REDEEM: the storefront's reference (order or cart). */
    public String reference;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    /** REDEEM: what the request said, to tell a retry from another request reusing the key. */
    @Column(name = "request_fingerprint")
    public String requestFingerprint;
    @Column(name = "created_at")
    public Instant createdAt;

    Money money(BigDecimal value, String currency) {
        return value == null ? null : new Money(value, currency).normalized();
    }
}
