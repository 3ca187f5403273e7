package dev.postventa.support.outbox;

import dev.postventa.events.DomainEvent;
import dev.postventa.events.EventJson;
import dev.postventa.support.relay.RelayState;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes domain events to the outbox inside the caller's transaction: the row is inserted and deleted at once, so
 * the table stays empty while the WAL carries the insert to the relay. Business code never talks to Kafka.
 */
@ApplicationScoped
public class OutboxWriter {

    // The payload is bound as text and parsed by PostgreSQL: bound straight to jsonb, the reactive driver would store
    // the Java String as a JSON string literal, and consumers would receive JSON encoded twice.
    private static final String INSERT = """
            INSERT INTO outbox_event (id, aggregate_type, aggregate_id, event_type, topic, payload, occurred_at)
            VALUES (:id, :aggregateType, :aggregateId, :eventType, :topic, CAST(CAST(:payload AS text) AS jsonb), :occurredAt)""";
    private static final String DELETE = "DELETE FROM outbox_event WHERE id = :id";

    /** Default bound of one event's JSON: well below Kafka's default 1 MiB per record (max.message.bytes). */
    public static final int DEFAULT_MAX_EVENT_BYTES = 262_144;

    private final RelayState relay;
    private final Clock clock;
    private final int maxEventBytes;

    // The service's Clock bean, so occurred_at (the events' ce_time) agrees with the timestamps the aggregate took.
    @Inject
    OutboxWriter(RelayState relay, Clock clock,
                 @ConfigProperty(name = "postventa.outbox.max-event-bytes", defaultValue = "262144") int maxEventBytes) {
        this.relay = relay;
        this.clock = clock;
        this.maxEventBytes = maxEventBytes;
    }

    /**
     * The event's JSON as the outbox stores it, or {@link OutboxEventTooLargeException} when it is larger than
     * {@code maxBytes} (UTF-8): such an event would be refused by Kafka and never reach a consumer.
     */
    public static String boundedJson(DomainEvent event, int maxBytes) {
        String json = EventJson.toJson(event);
        int bytes = json.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxBytes) {
            throw new OutboxEventTooLargeException(event.eventType(), bytes, maxBytes);
        }
        return json;
    }

    /** Appends one event; must run inside {@code Panache.withTransaction}. */
    public Uni<Void> publish(DomainEvent event) {
        if (!relay.acceptsWrites()) {
            return Uni.createFrom().failure(relay.slotLost() != null
                    ? new RelayNotReadyException("events cannot be published: " + relay.slotLost())
                    : new RelayNotReadyException());
        }
        String json;
        try {
            json = boundedJson(event, maxEventBytes);
        } catch (OutboxEventTooLargeException e) {
            return Uni.createFrom().failure(e);
        }
        return Panache.currentTransaction()
                .onItem().ifNull().failWith(() -> new IllegalStateException(
                        "OutboxWriter.publish must run inside Panache.withTransaction"))
                .chain(tx -> Panache.getSession())
                .chain(session -> {
                    UUID id = UUID.randomUUID();
                    return session.createNativeQuery(INSERT)
                            .setParameter("id", id)
                            .setParameter("aggregateType", event.topic())
                            .setParameter("aggregateId", event.aggregateId())
                            .setParameter("eventType", event.eventType())
                            .setParameter("topic", event.topic())
                            .setParameter("payload", json)
                            .setParameter("occurredAt", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                            .executeUpdate()
                            .chain(() -> session.createNativeQuery(DELETE).setParameter("id", id).executeUpdate());
                })
                .replaceWithVoid();
    }

    /** Appends several events in order; must run inside {@code Panache.withTransaction}. */
    public Uni<Void> publishAll(List<? extends DomainEvent> events) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (DomainEvent event : events) {
            chain = chain.chain(() -> publish(event));
        }
        return chain;
    }
}
