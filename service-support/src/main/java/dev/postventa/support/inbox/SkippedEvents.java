package dev.postventa.support.inbox;

import dev.postventa.events.EventCatalog;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Makes skipping an event of a type this service does not handle visible: a log line with its id and a metric. */
@ApplicationScoped
public class SkippedEvents {

    private static final Logger LOG = Logger.getLogger(SkippedEvents.class);

    private final String consumer;
    private final MeterRegistry metrics;

    SkippedEvents(@ConfigProperty(name = "postventa.service-name") String consumer, MeterRegistry metrics) {
        this.consumer = consumer;
        this.metrics = metrics;
    }

    /**
     * Logs and counts an event this consumer does not handle. The metric's type tag is the catalogued type or
     * {@code unknown}: a partner's free text never becomes a tag (its values would be unbounded).
     */
    public Uni<Void> skip(String eventId, String eventType) {
        LOG.infof("event %s of type %s is not handled by %s: skipped", eventId, eventType, consumer);
        String tag = EventCatalog.isKnown(eventType) ? eventType : "unknown";
        metrics.counter("postventa.events.skipped", "consumer", consumer, "type", tag).increment();
        return Uni.createFrom().voidItem();
    }
}
