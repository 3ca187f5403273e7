package dev.postventa.support.inbox;

import dev.postventa.events.DomainEvent;
import dev.postventa.events.EventCatalog;
import io.smallrye.mutiny.Uni;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What one consumer does with each event class it cares about, e.g. {@code EventHandlers.create()
 * .on(ReturnApproved.class, shipments::createFor)}. Each handler runs once per event id, inside the inbox's
 * transaction; events of any other class are skipped visibly by the {@link EventDispatcher}.
 */
public final class EventHandlers {

    private final Map<String, Handler<?>> byType = new LinkedHashMap<>();

    private EventHandlers() {
    }

    public static EventHandlers create() {
        return new EventHandlers();
    }

    /** Registers the handler of one catalogued event class; a class registered twice is a programming error. */
    public <E extends DomainEvent> EventHandlers on(Class<E> eventClass, Function<E, Uni<Void>> handler) {
        return onWithEnvelope(eventClass, (event, envelope) -> handler.apply(event));
    }

    /** The same, for a handler that also needs the envelope (the event id that caused its work, the source). */
    public <E extends DomainEvent> EventHandlers onWithEnvelope(Class<E> eventClass,
                                                                BiFunction<E, IncomingEvent, Uni<Void>> handler) {
        String type = EventCatalog.typeOf(eventClass);
        if (byType.putIfAbsent(type, new Handler<>(eventClass, handler)) != null) {
            throw new IllegalStateException("two handlers for " + eventClass.getSimpleName());
        }
        return this;
    }

    Optional<Handler<?>> forType(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    /** A handler and the class it decodes the payload into. */
    record Handler<E extends DomainEvent>(Class<E> eventClass, BiFunction<E, IncomingEvent, Uni<Void>> handler) {

        /** Decodes the payload now (an undecodable one fails before any transaction) and returns the work to do. */
        Supplier<Uni<Void>> bind(IncomingEvent event) {
            E decoded = event.payloadAs(eventClass);
            return () -> handler.apply(decoded, event);
        }
    }
}
