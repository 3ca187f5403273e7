package dev.postventa.notifications.merchant;

import dev.postventa.events.DomainEvent;
import dev.postventa.events.EventCatalog;
import dev.postventa.support.inbox.EventHandlers;
import dev.postventa.support.inbox.IncomingEvent;
import io.smallrye.mutiny.Uni;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Builds a consumer's {@link EventHandlers} so that every catalogued event of the consumed topics also reaches the
 * merchant webhooks, in the same inbox transaction: each registered handler runs and then fans out; {@link #build()}
 * adds a fan-out-only handler for every other subscribable type, which skips an event nobody subscribed to before
 * its inbox claim.
 */
public final class MerchantWebhookHandlers {

    private final MerchantWebhooks webhooks;
    private final EventHandlers handlers = EventHandlers.create();
    private final Set<String> registered = new HashSet<>();

    MerchantWebhookHandlers(MerchantWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    public <E extends DomainEvent> MerchantWebhookHandlers on(Class<E> eventClass, Function<E, Uni<Void>> handler) {
        return onWithEnvelope(eventClass, (event, envelope) -> handler.apply(event));
    }

    public <E extends DomainEvent> MerchantWebhookHandlers onWithEnvelope(
            Class<E> eventClass, BiFunction<E, IncomingEvent, Uni<Void>> handler) {
        handlers.onWithEnvelope(eventClass, (event, envelope) -> handler.apply(event, envelope)
                .chain(() -> webhooks.fanOut(envelope)).replaceWithVoid());
        registered.add(EventCatalog.typeOf(eventClass));
        return this;
    }

    /** The handlers, plus merchant fan-out for the subscribable types no handler was registered for. */
    public EventHandlers build() {
        for (String type : webhooks.subscribableTypes()) {
            if (!registered.contains(type)) {
                fanOutOnly(EventCatalog.classOf(type).orElseThrow());
            }
        }
        return handlers;
    }

    private <E extends DomainEvent> void fanOutOnly(Class<E> eventClass) {
        // Asked before the inbox claim: an event nobody subscribed to (most of them) costs a read, not a write.
        handlers.onWithEnvelopeIfWanted(eventClass, webhooks::anyoneWants,
                (event, envelope) -> webhooks.fanOutOrSkip(envelope));
    }
}
