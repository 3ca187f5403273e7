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

    private static final Function<IncomingEvent, Uni<Boolean>> ALWAYS = event -> Uni.createFrom().item(true);

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
        return register(eventClass, ALWAYS, handler);
    }

    /**
     * A handler for only some events of its class, chosen before the inbox claims them: {@code wanted} reads (never
     * writes) what it needs to decide, outside any transaction; an event it does not want is skipped like a type
     * nobody handles, without an inbox claim or a transaction. For work that most events do not need (merchant
     * webhooks nobody subscribed to), so that they cost a read instead of a write.
     */
    public <E extends DomainEvent> EventHandlers onWithEnvelopeIfWanted(Class<E> eventClass,
                                                                       Function<IncomingEvent, Uni<Boolean>> wanted,
                                                                       BiFunction<E, IncomingEvent, Uni<Void>> handler) {
        return register(eventClass, wanted, handler);
    }

    private <E extends DomainEvent> EventHandlers register(Class<E> eventClass,
                                                           Function<IncomingEvent, Uni<Boolean>> wanted,
                                                           BiFunction<E, IncomingEvent, Uni<Void>> handler) {
        String type = EventCatalog.typeOf(eventClass);
        if (byType.putIfAbsent(type, new Handler<>(eventClass, wanted, handler)) != null) {
            throw new IllegalStateException("two handlers for " + eventClass.getSimpleName());
        }
        return this;
    }

    Optional<Handler<?>> forType(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    /** A handler and the class it decodes the payload into. */
    record Handler<E extends DomainEvent>(Class<E> eventClass, Function<IncomingEvent, Uni<Boolean>> wanted,
                                          BiFunction<E, IncomingEvent, Uni<Void>> handler) {

        /** Whether this event is wanted at all (decided before its inbox claim). */
        Uni<Boolean> wants(IncomingEvent event) {
            return wanted.apply(event);
        }

        /** Decodes the payload now (an undecodable one fails before any transaction) and returns the work to do. */
        Supplier<Uni<Void>> bind(IncomingEvent event) {
            E decoded = event.payloadAs(eventClass);
            return () -> handler.apply(decoded, event);
        }
    }
}
