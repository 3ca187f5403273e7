package dev.postventa.support.inbox;

import dev.postventa.support.retention.BatchedDelete;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Forgets handled events older than {@code postventa.inbox.retention} (30 days by default), in batches of
 * {@code postventa.inbox.retention-batch-size}, every {@code postventa.inbox.retention-sweep-every}. Both times it
 * compares come from PostgreSQL's clock: {@code received_at} is the database's {@code now()} at the claim, and the
 * cutoff is computed there too. Only this consumer's claims are deleted.
 */
@ApplicationScoped
public class InboxRetention {

    private static final Logger LOG = Logger.getLogger(InboxRetention.class);
    private static final String DELETE_BATCH = """
            DELETE FROM inbox_message WHERE ctid IN (
              SELECT ctid FROM inbox_message
              WHERE consumer = :consumer AND received_at < now() - make_interval(secs => :retentionSeconds)
              LIMIT :batchSize)""";

    private final String consumer;
    private final InboxConfig config;

    InboxRetention(@ConfigProperty(name = "postventa.service-name") String consumer, InboxConfig config) {
        this.consumer = consumer;
        this.config = config;
    }

    @Scheduled(every = "${postventa.inbox.retention-sweep-every}", delayed = "${postventa.inbox.retention-sweep-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "inbox-retention")
    Uni<Void> sweep() {
        return expired().sweep(LOG, "inbox of " + consumer + ", claims older than " + config.retention());
    }

    BatchedDelete expired() {
        return BatchedDelete.of(DELETE_BATCH, Map.of("consumer", consumer,
                "retentionSeconds", (double) config.retention().toSeconds()), config.retentionBatchSize());
    }
}
