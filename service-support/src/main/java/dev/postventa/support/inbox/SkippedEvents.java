package dev.postventa.support.inbox;

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

    public Uni<Void> skip(String eventId, String eventType) {
        LOG.infof("event %s of type %s is not handled by %s: skipped", eventId, eventType, consumer);
        metrics.counter("postventa.events.skipped", "consumer", consumer, "type", String.valueOf(eventType))
                .increment();
        return Uni.createFrom().voidItem();
    }
}
