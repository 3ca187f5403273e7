package dev.postventa.refunds.credit;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.Money;
import dev.postventa.events.credit.StoreCreditIssued;
import dev.postventa.events.credit.StoreCreditRedeemed;
import dev.postventa.events.returns.ReturnResolved;
import dev.postventa.support.outbox.OutboxWriter;
import dev.postventa.support.persistence.SqlStates;
import dev.postventa.support.problem.Problem.FieldViolation;
import dev.postventa.support.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The store credit ledger: credits resolved returns (bonus included, once per return), lets the storefront spend
 * credit (once per Idempotency-Key, never more than the balance), expires unspent credit, and answers balance
 * queries. Every change locks the account's row first, so changes of one account are serialised and each reads the
 * balance the previous one left; its entry and its event are written in the same transaction (outbox).
 */
@ApplicationScoped
public class StoreCreditService {

    private static final Logger LOG = Logger.getLogger(StoreCreditService.class);
    // Two first credits of one customer at the same time create one account: the second waits and inserts nothing.
    private static final String INSERT_ACCOUNT_IF_ABSENT = """
            INSERT INTO store_credit_account (id, customer_key, currency, balance, customer_id, email, locale, country,
                                              created_at, updated_at)
            VALUES (:id, :customerKey, :currency, 0, :customerId, :email, :locale, :country, :now, :now)
            ON CONFLICT (customer_key, currency) DO NOTHING""";

    private final OutboxWriter outbox;
    private final StoreCreditConfig config;
    private final Clock clock;

    StoreCreditService(OutboxWriter outbox, StoreCreditConfig config, Clock clock) {
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    /** A redemption as answered, and whether it is the answer of an earlier request with the same key. */
    public record Redemption(RedemptionView view, boolean replayed) {
    }

    /**
     * Credits a resolved return's {@code creditAmount} plus the bonus to its customer's account in that currency,
     * unless the return was credited already. Must run inside the inbox's transaction.
     */
    public Uni<Void> issue(ReturnResolved resolved) {
        Instant now = now();
        CustomerContact customer = resolved.customer();
        CreditAmounts amounts = CreditAmounts.of(resolved.creditAmount(), config.bonusPercent());
        String key = CustomerKey.of(customer.customerId(), customer.email());
        String currency = resolved.creditAmount().currency();
        return createIfAbsent(key, currency, customer, now)
                .chain(() -> locked(key, currency))
                // Under the account's lock: a second ReturnResolved of the return (another event id) finds the first
                // one's entry; the unique index per return stays the last guard.
                .chain(account -> StoreCreditEntry.count("kind = ?1 and returnId = ?2", EntryKind.ISSUE,
                        resolved.returnId()).chain(already -> {
                            if (already > 0) {
                                LOG.infof("return %s was already credited to store credit account %s: nothing more",
                                        resolved.returnId(), account.id);
                                return Uni.createFrom().voidItem();
                            }
                            StoreCreditAccount.Change<StoreCreditIssued> issued = account.issue(UUID.randomUUID(),
                                    resolved.returnId(), resolved.orderId(), amounts, customer, config.validity(), now);
                            return issued.entry().persist().chain(() -> outbox.publish(issued.event()))
                                    .invoke(() -> LOG.infof("store credit %s %s (bonus %s) issued to account %s for "
                                                    + "return %s, expires %s, balance %s",
                                            amounts.issued().amount().toPlainString(), currency,
                                            amounts.bonus().amount().toPlainString(), account.id, resolved.returnId(),
                                            issued.entry().expiresAt, account.balanceMoney().amount().toPlainString()));
                        }));
    }

    /**
     * Spends store credit for the storefront. A request with a key already used answers that redemption (when it
     * asked the same) or is refused (422, when it asked something else); a refused redemption stores nothing.
     */
    public Uni<Redemption> redeem(RedeemStoreCredit request, String idempotencyKey) {
        String key = CustomerKey.of(request.customerId(), request.email());
        Money amount = new Money(request.amount(), request.currency()).normalized();
        String fingerprint = String.join("|", key, amount.currency(), amount.amount().toPlainString(),
                request.reference());
        return Panache.withTransaction(() -> locked(key, amount.currency())
                // Looked up under the account's lock: a request with the same key that committed while this one
                // waited is found here and answered, instead of spending twice.
                .chain(account -> StoreCreditEntry.<StoreCreditEntry>find("kind = ?1 and idempotencyKey = ?2",
                        EntryKind.REDEEM, idempotencyKey).firstResult().chain(previous -> {
                            if (previous != null) {
                                return replay(previous, fingerprint, idempotencyKey, amount.currency());
                            }
                            if (account == null) {
                                LOG.infof("redemption %s refused: no store credit in %s", idempotencyKey,
                                        amount.currency());
                                return Uni.createFrom().failure(
                                        new InsufficientStoreCreditException(Money.zero(amount.currency())));
                            }
                            return spend(account, amount, request.reference(), idempotencyKey, fingerprint);
                        })))
                // The same request (same fingerprint) always locks the same account, so it is serialised above; a key
                // that collides at commit was used at the same moment for another account, i.e. another request.
                .onFailure(SqlStates::isUniqueViolation).transform(e -> keyReused(idempotencyKey));
    }

    /** The account of a customer in a currency, with its ledger; null when the customer has none. */
    public Uni<AccountView> account(String customerId, String email, String currency) {
        String key = CustomerKey.of(customerId, email);
        return Panache.withSession(() -> StoreCreditAccount.<StoreCreditAccount>find(
                "customerKey = ?1 and currency = ?2", key, currency).firstResult().chain(account -> account == null
                ? Uni.createFrom().nullItem()
                : StoreCreditEntry.<StoreCreditEntry>list("accountId = ?1 order by createdAt, id", account.id)
                        .map(entries -> AccountView.of(account, entries))));
    }

    /**
     * Expires the unspent rest of every issue of the account past its expiry (the caller holds its lock and the
     * transaction); returns how many expired.
     */
    Uni<Integer> expireDue(StoreCreditAccount account, Instant now) {
        return StoreCreditEntry.<StoreCreditEntry>list(
                        "accountId = ?1 and kind = ?2 and remaining > 0 and expiresAt <= ?3 order by expiresAt, id",
                        account.id, EntryKind.ISSUE, now)
                .chain(due -> {
                    Uni<Integer> chain = Uni.createFrom().item(0);
                    for (StoreCreditEntry issue : due) {
                        chain = chain.chain(count -> {
                            var expired = account.expire(UUID.randomUUID(), issue, now);
                            if (expired == null) {
                                return Uni.createFrom().item(count);
                            }
                            return expired.entry().persist().chain(() -> outbox.publish(expired.event()))
                                    .invoke(() -> LOG.infof("store credit %s %s of issue %s expired on account %s, "
                                                    + "balance %s", expired.entry().amount.toPlainString(),
                                            account.currency, issue.id, account.id,
                                            account.balanceMoney().amount().toPlainString()))
                                    .replaceWith(count + 1);
                        });
                    }
                    return chain;
                });
    }

    /** Locks one account by id and expires what is due on it, in its own transaction. */
    Uni<Integer> expireDue(UUID accountId, Instant now) {
        return Panache.withTransaction(() -> StoreCreditAccount.<StoreCreditAccount>findById(accountId,
                        LockModeType.PESSIMISTIC_WRITE)
                .chain(account -> account == null ? Uni.createFrom().item(0) : expireDue(account, now)));
    }

    private Uni<Redemption> spend(StoreCreditAccount account, Money amount, String reference, String idempotencyKey,
                                  String fingerprint) {
        Instant now = now();
        // Credit past its expiry is never spent, even before the sweep reaches it: it is expired here first.
        return expireDue(account, now)
                .chain(() -> StoreCreditEntry.<StoreCreditEntry>list(
                        "accountId = ?1 and kind = ?2 and remaining > 0 and expiresAt > ?3 order by expiresAt, id",
                        account.id, EntryKind.ISSUE, now))
                .chain(unspent -> {
                    StoreCreditAccount.Change<StoreCreditRedeemed> redeemed;
                    try {
                        redeemed = account.redeem(UUID.randomUUID(), amount, reference, idempotencyKey, fingerprint,
                                unspent, now);
                    } catch (InsufficientStoreCreditException e) {
                        LOG.infof("redemption %s of %s %s refused on account %s: %s", idempotencyKey,
                                amount.amount().toPlainString(), amount.currency(), account.id, e.getMessage());
                        return Uni.createFrom().failure(e);
                    }
                    return redeemed.entry().persist().chain(() -> outbox.publish(redeemed.event()))
                            .invoke(() -> LOG.infof("redemption %s spent %s %s of account %s (reference %s), balance %s",
                                    idempotencyKey, amount.amount().toPlainString(), amount.currency(), account.id,
                                    reference, account.balanceMoney().amount().toPlainString()))
                            .replaceWith(new Redemption(RedemptionView.of(redeemed.entry(), account.currency), false));
                });
    }

    /**
     * Our clock at PostgreSQL's precision (microseconds): a redemption answered at once and its replay read from the
     * row then show the same time.
     */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static Uni<Redemption> replay(StoreCreditEntry previous, String fingerprint, String idempotencyKey,
                                          String currency) {
        if (!previous.requestFingerprint.equals(fingerprint)) {
            return Uni.createFrom().failure(keyReused(idempotencyKey));
        }
        LOG.infof("redemption %s asked again: answered with its first result, nothing spent", idempotencyKey);
        return Uni.createFrom().item(new Redemption(RedemptionView.of(previous, currency), true));
    }

    private static ProblemException keyReused(String idempotencyKey) {
        LOG.infof("redemption %s refused: the key was first used with another request", idempotencyKey);
        return ProblemException.unprocessable("idempotency-key-reused",
                "Idempotency-Key already used for a different request", List.of(new FieldViolation(
                        "Idempotency-Key", "the Idempotency-Key " + idempotencyKey + " was first used with another body")));
    }

    private static Uni<StoreCreditAccount> locked(String key, String currency) {
        return StoreCreditAccount.<StoreCreditAccount>find("customerKey = ?1 and currency = ?2", key, currency)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    private static Uni<Void> createIfAbsent(String key, String currency, CustomerContact customer, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT_ACCOUNT_IF_ABSENT)
                        .setParameter("id", UUID.randomUUID())
                        .setParameter("customerKey", key)
                        .setParameter("currency", currency)
                        .setParameter("customerId", customer.customerId())
                        .setParameter("email", customer.email())
                        .setParameter("locale", customer.locale())
                        .setParameter("country", customer.country())
                        .setParameter("now", now)
                        .executeUpdate())
                .replaceWithVoid();
    }
}
