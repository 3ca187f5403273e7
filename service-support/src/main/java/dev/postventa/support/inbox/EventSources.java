package dev.postventa.support.inbox;

import dev.postventa.events.EventCatalog;
import dev.postventa.events.TopicOwners;
import dev.postventa.events.UndecodableEventException;
import java.util.Optional;

/**
 * Who may publish on each {@code postventa.*} topic: only the service that owns the topic's aggregate writes it
 * (through its outbox relay, whose {@code ce_source} is its service name). A consumer applies an event only when
 * its {@code ce_source} is the owner of the topic its type is catalogued on and of the topic it arrived on; anything
 * else (a misconfigured or foreign producer) is a contract violation and goes to the dead-letter topic.
 */
public final class EventSources {

    private EventSources() {
    }

    /**
     * The service that owns {@code topic} (its producer in {@link TopicOwners}, the one declaration of who writes
     * what); empty for a topic that is not a platform aggregate topic (the storefront's, a dead-letter topic).
     */
    public static Optional<String> ownerOf(String topic) {
        return TopicOwners.all().stream()
                .filter(declaration -> declaration.topic().equals(topic) && declaration.cloudEvents())
                .map(TopicOwners.Declaration::producer)
                .findFirst();
    }

    /**
     * Throws {@link UntrustedSourceException} unless {@code event} on {@code topic} comes from the service that owns
     * both that topic and the topic its (catalogued) type belongs on. An uncatalogued type is checked against the
     * topic alone (it is then skipped as unknown, not applied).
     */
    public static void requireOwner(String topic, IncomingEvent event) {
        Optional<String> topicOwner = ownerOf(topic);
        if (EventCatalog.isKnown(event.type())) {
            String typeTopic = EventCatalog.topicOf(event.type());
            if (!typeTopic.equals(topic)) {
                throw new UntrustedSourceException("event " + event.id() + " of type " + event.type()
                        + " arrived on " + topic + " but belongs on " + typeTopic);
            }
        }
        if (topicOwner.isPresent() && !topicOwner.get().equals(event.source())) {
            throw new UntrustedSourceException("event " + event.id() + " of type " + event.type() + " on " + topic
                    + " has ce_source '" + event.source() + "'; only " + topicOwner.get() + " publishes there");
        }
    }

    /** An event that does not come from the service owning its topic: never applied, dead-lettered with this reason. */
    public static final class UntrustedSourceException extends UndecodableEventException {

        public UntrustedSourceException(String message) {
            super(message);
        }
    }
}
