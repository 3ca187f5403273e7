package dev.postventa.support.relay;

import dev.postventa.support.DatabaseConfig;
import dev.postventa.support.outbox.RelayNotReadyException;
import dev.postventa.support.problem.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The outbox events Kafka refused for good (parked by the relay, see {@link OutboxRelay}), for operations: listed, and
 * sent again once the cause is fixed (a topic's {@code max.message.bytes} raised, an ACL granted). A replay puts the
 * same event (same id, so consumers deduplicate it like any redelivery; its own time) back through the outbox, so it
 * takes the one path every event takes; refused again, it is parked again.
 */
@ApplicationScoped
public class ParkedOutboxEvents {

    private static final Logger LOG = Logger.getLogger(ParkedOutboxEvents.class);
    static final int MAX_LISTED = 200;

    /** What operations see of a parked event. */
    public record View(UUID id, String topic, String aggregateId, String eventType, String reason, long payloadBytes,
                       OffsetDateTime occurredAt, OffsetDateTime parkedAt) {
    }

    private final RelayDatabase db;
    private final RelayState relay;
    private final Counter replayed;

    ParkedOutboxEvents(DatabaseConfig database, RelayState relay, MeterRegistry metrics) {
        this.db = new RelayDatabase(database);
        this.relay = relay;
        this.replayed = Counter.builder("postventa.relay.parked.replayed")
                .description("Parked outbox events operations sent back through the outbox")
                .register(metrics);
    }

    public List<View> list() {
        try {
            return db.parked(MAX_LISTED).stream().map(p -> new View(p.id(), p.topic(), p.aggregateId(), p.eventType(),
                    p.reason(), p.payloadBytes(), p.occurredAt(), p.parkedAt())).toList();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the parked outbox events", e);
        }
    }

    /** Sends the parked event again; 404 when no such event is parked (never was, or replayed already). */
    public void replay(UUID id, String actor) {
        if (!relay.acceptsWrites()) {
            // Like any write to the outbox: while the slot is lost, an event written now would not be relayed.
            throw relay.slotLost() != null ? new RelayNotReadyException("cannot replay: " + relay.slotLost())
                    : new RelayNotReadyException();
        }
        try {
            if (!db.replayParked(id)) {
                throw ProblemException.notFound("Parked outbox event", id.toString());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot replay parked outbox event " + id, e);
        }
        replayed.increment();
        LOG.infof("parked outbox event %s sent back through the outbox by %s", id, actor);
    }
}
