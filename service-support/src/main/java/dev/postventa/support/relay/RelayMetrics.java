package dev.postventa.support.relay;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * What the relay tells operators about the events it moved: how many per topic, and how long each took from being
 * written to the outbox until Kafka acknowledged it.
 *
 * <p>Both ends of that delay are this service's clock: {@code ce_time} is the outbox row's {@code occurred_at}, set by
 * the writer inside the business transaction, and the acknowledgement is read here when Kafka answers. So the figure
 * covers the rest of the transaction, its commit, logical decoding, the relay's batching and the broker's write.
 */
final class RelayMetrics {

    private final MeterRegistry registry;
    private final Clock clock;
    private final Timer delay;
    private final Map<String, Counter> byTopic = new ConcurrentHashMap<>();

    RelayMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.delay = Timer.builder("postventa.relay.delay")
                .description("Outbox write (ce_time, this service's clock) until Kafka acknowledged the event")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry);
    }

    void relayed(ProducerRecord<String, byte[]> record) {
        byTopic.computeIfAbsent(record.topic(), topic -> Counter.builder("postventa.relay.events")
                .description("Outbox events relayed to Kafka and acknowledged, per topic")
                .tag("topic", topic)
                .register(registry)).increment();
        String written = KafkaForwarder.header(record, "ce_time");
        if (written == null) {
            return;
        }
        try {
            Duration took = Duration.between(OffsetDateTime.parse(written).toInstant(), clock.instant());
            // A negative delay means the clock stepped back between write and acknowledgement: not a measurement.
            if (!took.isNegative()) {
                delay.record(took);
            }
        } catch (DateTimeParseException e) {
            // The mapper writes ce_time itself; an unreadable one is not a reason to fail a relayed batch.
        }
    }
}
