package dev.postventa.infra;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.rw.CloudEventRWException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Sends records to and reads records back from the real broker, as a test or a tool would see them. */
public final class KafkaTestClient implements AutoCloseable {

    private final String bootstrapServers;
    private KafkaProducer<String, byte[]> producer;

    /** A client of the broker at {@code bootstrapServers}; close it to release its producer. */
    public KafkaTestClient(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Sends one record and waits until the broker acknowledged it (acks=all). */
    public void send(String topic, String key, byte[] value, Map<String, String> headers) {
        RecordHeaders recordHeaders = new RecordHeaders();
        headers.forEach((name, v) -> recordHeaders.add(name, v.getBytes(StandardCharsets.UTF_8)));
        try {
            producer().send(new ProducerRecord<>(topic, null, key, value, recordHeaders)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("sending to " + topic + " failed", e);
        }
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
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, byte[]>> matched = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (matched.size() < count && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (match.test(record)) {
                        matched.add(record);
                    }
                }
            }
        }
        return matched;
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
