package dev.postventa.refunds.credit;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Every {@code postventa.store-credit.expiry-interval}, expires the unspent rest of issued credit past its expiry
 * (an EXPIRE entry and {@code StoreCreditExpired} each), up to {@code expiry-batch-size} accounts per round, one
 * transaction per account under its row lock (a redemption at the same moment waits, then sees the expired balance).
 */
@ApplicationScoped
public class StoreCreditExpiry {

    private static final Logger LOG = Logger.getLogger(StoreCreditExpiry.class);

    private final StoreCreditService credits;
    private final StoreCreditConfig config;

    StoreCreditExpiry(StoreCreditService credits, StoreCreditConfig config) {
        this.credits = credits;
        this.config = config;
    }

    @Scheduled(identity = "store-credit-expiry", every = "${postventa.store-credit.expiry-interval:1m}",
            delayed = "${postventa.store-credit.expiry-interval:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return sweep().replaceWithVoid();
    }

    /** One round (also called by tests, on a Vert.x context); returns how many credits expired. */
    public Uni<Integer> sweep() {
        Instant now = credits.now();
        return Panache.withSession(() -> Panache.getSession().chain(session -> session.createSelectionQuery(
                        "select distinct e.accountId from StoreCreditEntry e where e.kind = :kind and e.remaining > 0 "
                                + "and e.expiresAt <= :now", UUID.class)
                .setParameter("kind", EntryKind.ISSUE)
                .setParameter("now", now)
                .setMaxResults(config.expiryBatchSize())
                .getResultList()))
                .chain(accounts -> expireEach(accounts, now))
                .invoke(expired -> {
                    if (expired > 0) {
                        LOG.infof("store credit expiry: %d credit(s) expired", expired);
                    }
                });
    }

    private Uni<Integer> expireEach(List<UUID> accounts, Instant now) {
        Uni<Integer> chain = Uni.createFrom().item(0);
        for (UUID account : accounts) {
            // One account failing (e.g. an outage) does not stop the others; it is due again next round.
            chain = chain.chain(total -> credits.expireDue(account, now)
                    .onFailure().recoverWithItem(e -> {
                        LOG.errorf(e, "store credit expiry of account %s failed; retried next round", account);
                        return 0;
                    })
                    .map(expired -> total + expired));
        }
        return chain;
    }
}
