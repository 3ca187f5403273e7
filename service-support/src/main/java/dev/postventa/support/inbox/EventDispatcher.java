package dev.postventa.support.inbox;

import dev.postventa.events.UndecodableEventException;
import dev.postventa.support.effect.Effects;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * The one path from a CloudEvents record to a consumer's typed handler: reads the envelope, finds the handler for
 * the event's class, runs it once per event id in the inbox's transaction, skips other types (and events a handler
 * does not want, see {@link EventHandlers#onWithEnvelopeIfWanted}) in one visible place,
 * dead-letters an event whose {@code ce_source} is not the service owning its topic ({@link EventSources}),
 * and wakes the effect worker once the transaction has committed (a handler may have owed a call to a partner).
 */
@ApplicationScoped
public class EventDispatcher {

    private static final Logger LOG = Logger.getLogger(EventDispatcher.class);

    private final IdempotentConsumer inbox;
    private final SkippedEvents skipped;
    private final Effects effects;

    EventDispatcher(IdempotentConsumer inbox, SkippedEvents skipped, Effects effects) {
        this.inbox = inbox;
        this.skipped = skipped;
        this.effects = effects;
    }

    public Uni<Void> dispatch(ConsumerRecord<String, byte[]> record, EventHandlers handlers) {
        return Uni.createFrom().item(() -> trusted(record))
                .chain(event -> handlers.forType(event.type())
                        .map(handler -> {
                            // Decoded first: an undecodable event goes to the dead-letter topic, wanted or not.
                            Supplier<Uni<Void>> work = handler.bind(event);
                            return handler.wants(event).chain(wanted -> wanted
                                    ? handleOnce(event.id(), event.type(), work)
                                    : skipped.skip(event.id(), event.type()));
                        })
                        .orElseGet(() -> skipped.skip(event.id(), event.type())))
                .onFailure(UndecodableEventException.class).invoke(failure -> LOG.warnf(
                        "record %s-%d@%d (key %s) goes to the dead-letter topic: %s", record.topic(),
                        record.partition(), record.offset(), record.key(), failure.getMessage()));
    }

    /** Reads the envelope and refuses an event whose {@code ce_source} does not own its topic (never applied). */
    private static IncomingEvent trusted(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        EventSources.requireOwner(record.topic(), event);
        return event;
    }

    /** Runs {@code work} once per event id (for inbound contracts that are not CloudEvents, such as the storefront's). */
    public Uni<Void> handleOnce(String eventId, String eventType, Supplier<Uni<Void>> work) {
        return inbox.handleOnce(eventId, eventType, work).invoke(effects::afterCommit);
    }
}
