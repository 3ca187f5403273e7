package dev.postventa.bench;

import dev.postventa.events.EventJson;
import dev.postventa.events.Money;
import dev.postventa.events.Topics;
import dev.postventa.events.storefront.OrderLine;
import dev.postventa.events.storefront.StorefrontOrder;
import dev.postventa.events.storefront.StorefrontOrderEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The benchmark's Kafka work: publishing storefront orders the way the storefront does, the end offsets of a topic,
 * a consumer group's progress, and reading back the records a run produced.
 */
public final class Kafka implements AutoCloseable {

    private final String bootstrap;
    private final Admin admin;
    private final KafkaProducer<String, byte[]> producer;

    public Kafka(String bootstrap) {
        this.bootstrap = bootstrap;
        Properties a = new Properties();
        a.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        admin = Admin.create(a);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    /** A delivered order with one line of {@code units} units, as the storefront publishes it. */
    public static StorefrontOrderEvent deliveredOrder(String orderId, int units) {
        Instant placed = Instant.now().minus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Instant delivered = placed.plus(2, ChronoUnit.DAYS);
        StorefrontOrder order = new StorefrontOrder(orderId, "bench-customer",
                "bench+" + orderId.toLowerCase() + "@example.mx", "es-MX", "MX", "MXN",
                List.of(new OrderLine("L1", "SKU-BENCH", "Camiseta de prueba", "apparel", units,
                        Money.of("199.00", "MXN"), false)), placed, delivered, null);
        return new StorefrontOrderEvent(orderId + "-delivered", StorefrontOrderEvent.ORDER_DELIVERED, delivered, order);
    }

    /** Publishes the orders and waits until the broker acknowledged every one; returns the seconds that took. */
    public double publishOrders(List<StorefrontOrderEvent> events) {
        long start = System.nanoTime();
        AtomicReference<Exception> failure = new AtomicReference<>();
        for (StorefrontOrderEvent event : events) {
            producer.send(new ProducerRecord<>(Topics.STOREFRONT_ORDERS, event.order().orderId(),
                    EventJson.toBytes(event)), (metadata, error) -> {
                        if (error != null) {
                            failure.compareAndSet(null, error);
                        }
                    });
        }
        producer.flush();
        if (failure.get() != null) {
            throw new IllegalStateException("the broker refused a storefront order", failure.get());
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** The next offset of every partition of {@code topic} (creating nothing: an unknown topic has none). */
    public Map<TopicPartition, Long> endOffsets(String topic) {
        try {
            var description = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            description.partitions().forEach(p -> request.put(new TopicPartition(topic, p.partition()),
                    OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(request).all().get(30, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp, info.offset()));
            return ends;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException) {
                return Map.of();
            }
            throw new IllegalStateException("cannot read the end offsets of " + topic, e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the end offsets of " + topic, e);
        }
    }

    /** Waits until consumer group {@code group} has committed {@code ends} on every partition; false on timeout. */
    public boolean awaitCommitted(String group, Map<TopicPartition, Long> ends, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                boolean caughtUp = ends.entrySet().stream().allMatch(e -> e.getValue() == 0
                        || (committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue()));
                if (caughtUp) {
                    return true;
                }
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                // the group may not exist yet or the coordinator is busy: ask again
            }
            Thread.sleep(100);
        }
        return false;
    }

    /**
     * Reads {@code topic} from {@code from} (partition → offset; partitions not in it from their start) until
     * {@code count} records matched or {@code timeout} passed; returns the matches.
     */
    public List<ConsumerRecord<String, byte[]>> read(String topic, Map<TopicPartition, Long> from,
                                                      Predicate<ConsumerRecord<String, byte[]>> match, int count,
                                                      Duration timeout) {
        List<ConsumerRecord<String, byte[]>> matched = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, byte[]> consumer = consumerFrom(List.of(topic), from, timeout)) {
            while (matched.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (match.test(record)) {
                        matched.add(record);
                    }
                }
            }
        }
        return matched;
    }

    /**
     * A consumer assigned every partition of {@code topics}, each positioned at {@code from} (partition → offset;
     * partitions not in it from their start). Asking for a topic's partitions creates a topic nobody wrote to yet
     * (the local stack's broker auto-creates topics), so a topic that comes to life during a run is read from its
     * start. No group, nothing committed: the benchmark only reads back.
     */
    public KafkaConsumer<String, byte[]> consumerFrom(List<String> topics, Map<TopicPartition, Long> from,
                                                      Duration timeout) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c, new StringDeserializer(),
                new ByteArrayDeserializer());
        long deadline = System.nanoTime() + timeout.toNanos();
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            List<TopicPartition> of = new ArrayList<>();
            while (of.isEmpty() && System.nanoTime() < deadline) {
                consumer.partitionsFor(topic, Duration.ofSeconds(10))
                        .forEach(p -> of.add(new TopicPartition(topic, p.partition())));
            }
            partitions.addAll(of);
        }
        consumer.assign(partitions);
        for (TopicPartition partition : partitions) {
            consumer.seek(partition, from.getOrDefault(partition, 0L));
        }
        return consumer;
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    public static String runId() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
        admin.close(Duration.ofSeconds(10));
    }
}
