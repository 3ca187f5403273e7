package dev.postventa.infra;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.rw.CloudEventRWException;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.ProducerBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Sends records to and reads records back from the real broker, as a test or a tool would see them. The Kafka work is
 * done by SmallRye's Kafka test companion (the one Quarkus documents for Kafka tests); this class adds what our tests
 * need on top: CloudEvents records, and reading a shared topic for the records that match a predicate.
 */
public final class KafkaTestClient implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);

    private final KafkaCompanion companion;
    private ProducerBuilder<String, byte[]> producer;

    /** A client of the broker at {@code bootstrapServers}; close it to release its clients. */
    public KafkaTestClient(String bootstrapServers) {
        this.companion = new KafkaCompanion(bootstrapServers);
    }

    /** Sends one record and waits until the broker acknowledged it (acks=all). */
    public void send(String topic, String key, byte[] value, Map<String, String> headers) {
        RecordHeaders recordHeaders = new RecordHeaders();
        headers.forEach((name, v) -> recordHeaders.add(name, v.getBytes(StandardCharsets.UTF_8)));
        producer().fromRecords(List.of(new ProducerRecord<>(topic, null, key, value, recordHeaders)))
                .awaitCompletion(Duration.ofSeconds(30));
    }

    /** Sends a CloudEvents binary-mode record, as a service's outbox relay does. */
    public void sendCloudEvent(String topic, String key, String id, String type, String source, byte[] json) {
        send(topic, key, json, Map.of("ce_id", id, "ce_type", type, "ce_source", source, "ce_specversion", "1.0",
                "ce_subject", key, "ce_time", Instant.now().toString(), "content-type", "application/json"));
    }

    /** Sends a CloudEvents binary-mode record with a fresh event id. */
    public void sendCloudEvent(String topic, String key, String type, String source, byte[] json) {
        sendCloudEvent(topic, key, UUID.randomUUID().toString(), type, source, json);
    }

    /**
     * Reads {@code topic} from the beginning, with a fresh consumer group, until {@code count} records match; fails
     * after {@code timeout}. Returns the matching records read by then (at least count), in order per partition.
     */
    public List<ConsumerRecord<String, byte[]>> awaitRecords(String topic, Predicate<ConsumerRecord<String, byte[]>> match,
                                                             int count, Duration timeout) {
        List<ConsumerRecord<String, byte[]>> matched = readUntil(topic, match, count, timeout);
        if (matched.size() < count) {
            throw new AssertionError("expected " + count + " matching records on " + topic + " within " + timeout
                    + " but found " + matched.size());
        }
        return matched;
    }

    /**
     * Like {@link #awaitRecords}, but decodes each record with the CloudEvents SDK (binary content mode) and matches
     * on the event. Records that are not CloudEvents are skipped: other tests may leave anything on a shared topic.
     */
    public List<CloudEvent> awaitCloudEvents(String topic, Predicate<CloudEvent> match, int count, Duration timeout) {
        try (CloudEventDeserializer deserializer = new CloudEventDeserializer()) {
            List<CloudEvent> events = new ArrayList<>();
            awaitRecords(topic, r -> {
                CloudEvent event;
                try {
                    event = deserializer.deserialize(r.topic(), r.headers(), r.value());
                } catch (CloudEventRWException notACloudEvent) {
                    return false;
                }
                if (match.test(event)) {
                    events.add(event);
                    return true;
                }
                return false;
            }, count, timeout);
            return events;
        }
    }

    /** Fails if a matching record shows up on {@code topic} within {@code window}. */
    public void assertNoRecords(String topic, Predicate<ConsumerRecord<String, byte[]>> match, Duration window) {
        List<ConsumerRecord<String, byte[]>> found = readUntil(topic, match, 1, window);
        if (!found.isEmpty()) {
            throw new AssertionError("expected no matching record on " + topic + " but found key " + found.get(0).key());
        }
    }

    /** Every record currently on {@code topic} that matches, read from the beginning for at most {@code window}. */
    public List<ConsumerRecord<String, byte[]>> readAll(String topic, Predicate<ConsumerRecord<String, byte[]>> match,
                                                        Duration window) {
        return readUntil(topic, match, Integer.MAX_VALUE, window);
    }

    /** The last value of header {@code name} as UTF-8 text, or null. */
    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private List<ConsumerRecord<String, byte[]>> readUntil(String topic, Predicate<ConsumerRecord<String, byte[]>> match,
                                                           int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        try (ConsumerTask<String, byte[]> task = companion.consume(String.class, byte[].class)
                .withGroupId("test-reader-" + UUID.randomUUID())
                .withOffsetReset("earliest")
                .fromTopics(topic, records -> records.select().where(match::test))) {
            while (task.count() < count && Instant.now().isBefore(deadline)) {
                sleep(POLL);
            }
            task.stop();
            return new ArrayList<>(task.getRecords());
        }
    }

    /** One producer for every send (the builder keeps its client), created on first use. */
    private synchronized ProducerBuilder<String, byte[]> producer() {
        if (producer == null) {
            producer = companion.produce(String.class, byte[].class)
                    .withProp(ProducerConfig.ACKS_CONFIG, "all")
                    .withProp(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        }
        return producer;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        companion.close();
    }
}
