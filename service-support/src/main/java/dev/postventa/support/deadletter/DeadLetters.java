package dev.postventa.support.deadletter;

import dev.postventa.events.Topics;
import dev.postventa.support.problem.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The service's dead-letter topic ({@code postventa.dlq.<service-name>}) for operators: lists its messages with the
 * reason SmallRye recorded, replays a message to the topic it came from (consumers are idempotent, so a replay that
 * was already applied changes nothing), and parks one as handled. Messages stay on the topic; what was done with
 * each is kept in {@link DeadLetterActions}, logged at INFO and counted in
 * {@code postventa_dead_letters_actions_total{action}}.
 *
 * <p>The topic is read with a short-lived consumer that assigns its partitions (no consumer group: nothing is
 * committed, the service's own consumers are untouched), from the beginning to the end offsets taken at the start.
 */
@ApplicationScoped
public class DeadLetters {

    static final String HEADER_PREFIX = "dead-letter-";
    /** Prometheus: {@code postventa_dead_letters_actions_total{action="replay"|"park"}}. */
    static final String ACTIONS_METRIC = "postventa.dead.letters.actions";

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final String topic;
    private final String bootstrapServers;
    private final DeadLetterConfig config;
    private final DeadLetterActions actions;
    private final MeterRegistry metrics;
    private KafkaProducer<byte[], byte[]> producer;

    DeadLetters(@ConfigProperty(name = "postventa.service-name") String serviceName,
                @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                DeadLetterConfig config, DeadLetterActions actions, MeterRegistry metrics) {
        this.topic = Topics.deadLetter(serviceName);
        this.bootstrapServers = bootstrapServers;
        this.config = config;
        this.actions = actions;
        this.metrics = metrics;
        // Registered at zero so that dashboards and alerts see the series before the first action.
        metrics.counter(ACTIONS_METRIC, "action", "replay");
        metrics.counter(ACTIONS_METRIC, "action", "park");
    }

    /** The first {@code postventa.dead-letters.max-listed} messages of the topic, oldest first per partition. */
    public List<DeadLetterView> list() {
        Map<DeadLetterId, DeadLetterState> states = actions.states();
        List<DeadLetterView> views = new ArrayList<>();
        read(record -> {
            views.add(view(record, states.getOrDefault(idOf(record), DeadLetterState.NEW)));
            return views.size() < config.maxListed();
        });
        return views;
    }

    /** One message, or a 404 problem. */
    public DeadLetterView get(DeadLetterId id) {
        ConsumerRecord<byte[], byte[]> record = find(id);
        return view(record, actions.stateOf(id));
    }

    /** Sends the message back to its original topic; allowed again and again (each replay is recorded). */
    public DeadLetterView replay(DeadLetterId id, String actor) {
        ConsumerRecord<byte[], byte[]> record = find(id);
        replay(record, actor);
        return view(record, actions.stateOf(id));
    }

    /** Replays every NEW message of the whole topic (parked and already replayed ones are left alone). */
    public int replayAll(String actor) {
        Map<DeadLetterId, DeadLetterState> states = actions.states();
        int[] replayed = {0};
        read(record -> {
            if (!states.containsKey(idOf(record))) {
                replay(record, actor);
                replayed[0]++;
            }
            return true;
        });
        LOG.infof("%s replayed all new dead letters of %s: %d", actor, topic, replayed[0]);
        return replayed[0];
    }

    /** Marks the message handled: replay-all no longer touches it. */
    public DeadLetterView park(DeadLetterId id, String note, String actor) {
        ConsumerRecord<byte[], byte[]> record = find(id);
        actions.record(id, DeadLetterState.PARKED, note, actor);
        LOG.infof("%s parked dead letter %s of %s (key %s): %s", actor, id, topic, text(record.key()), note);
        metrics.counter(ACTIONS_METRIC, "action", "park").increment();
        return view(record, DeadLetterState.PARKED);
    }

    private void replay(ConsumerRecord<byte[], byte[]> record, String actor) {
        DeadLetterId id = idOf(record);
        String originalTopic = header(record, "topic");
        if (originalTopic == null || originalTopic.isBlank()) {
            throw new ProblemException(409, "dead-letter-without-origin", "Dead letter has no original topic",
                    "dead letter " + id + " has no dead-letter-topic header: it cannot be replayed", List.of());
        }
        RecordHeaders headers = new RecordHeaders();
        for (Header h : record.headers()) {
            if (!h.key().startsWith(HEADER_PREFIX)) {
                headers.add(h);
            }
        }
        try {
            producer().send(new ProducerRecord<>(originalTopic, null, record.key(), record.value(), headers))
                    .get(config.kafkaTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("replaying dead letter " + id + " was interrupted");
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf(e, "dead letter %s of %s could not be replayed to %s", id, topic, originalTopic);
            throw unavailable("Kafka did not acknowledge the replay of dead letter " + id + " to " + originalTopic);
        }
        actions.record(id, DeadLetterState.REPLAYED, null, actor);
        LOG.infof("%s replayed dead letter %s of %s (key %s) to %s", actor, id, topic, text(record.key()),
                originalTopic);
        metrics.counter(ACTIONS_METRIC, "action", "replay").increment();
    }

    private ConsumerRecord<byte[], byte[]> find(DeadLetterId id) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            TopicPartition partition = new TopicPartition(topic, id.partition());
            if (!partitions(consumer).contains(partition)) {
                throw ProblemException.notFound("Dead letter", id.toString());
            }
            List<TopicPartition> one = List.of(partition);
            consumer.assign(one);
            long end = consumer.endOffsets(one).get(partition);
            long start = consumer.beginningOffsets(one).get(partition);
            if (id.offset() < start || id.offset() >= end) {
                throw ProblemException.notFound("Dead letter", id.toString());
            }
            consumer.seek(partition, id.offset());
            long deadline = System.nanoTime() + config.kafkaTimeout().toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(java.time.Duration.ofMillis(200))) {
                    if (record.offset() == id.offset()) {
                        return record;
                    }
                    // A compacted or transactional gap: the offset holds no message.
                    throw ProblemException.notFound("Dead letter", id.toString());
                }
            }
            throw unavailable("dead letter " + id + " could not be read from " + topic + " in time");
        }
    }

    /**
     * Hands every message from the beginning up to the end offsets seen at the start to {@code each} until it answers
     * false. Messages dead-lettered meanwhile wait for the next call.
     */
    private void read(Predicate<ConsumerRecord<byte[], byte[]>> each) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer);
            if (partitions.isEmpty()) {
                return;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + config.kafkaTimeout().toNanos();
            while (!reachedEnd(consumer, ends)) {
                if (System.nanoTime() > deadline) {
                    throw unavailable("the dead-letter topic " + topic + " could not be read to its end in time");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(java.time.Duration.ofMillis(200))) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < ends.get(tp) && !each.test(record)) {
                        return;
                    }
                }
            }
        }
    }

    private static boolean reachedEnd(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** The topic's partitions; none when nothing was ever dead-lettered (the topic does not exist yet). */
    private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer) {
        List<PartitionInfo> infos = consumer.listTopics(config.kafkaTimeout()).get(topic);
        if (infos == null) {
            return List.of();
        }
        return infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // Listing must not create the topic as a side effect.
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, topic + "-ops");
        return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private synchronized KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            p.put(ProducerConfig.CLIENT_ID_CONFIG, topic + "-replay");
            p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(config.kafkaTimeout().toMillis()));
            p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(config.kafkaTimeout().toMillis()));
            p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
            producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }

    static DeadLetterId idOf(ConsumerRecord<?, ?> record) {
        return new DeadLetterId(record.partition(), record.offset());
    }

    static DeadLetterView view(ConsumerRecord<byte[], byte[]> record, DeadLetterState state) {
        String text = text(record.value());
        boolean isText = record.value() == null || text != null;
        return new DeadLetterView(idOf(record).toString(), keyText(record.key()), header(record, "reason"),
                header(record, "cause"), header(record, "topic"), integer(header(record, "partition")),
                longValue(header(record, "offset")), Instant.ofEpochMilli(record.timestamp()),
                isText ? text : Base64.getEncoder().encodeToString(record.value()), isText ? "utf-8" : "base64",
                state);
    }

    /** The last {@code dead-letter-<name>} header as text, or null. */
    static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header h = record.headers().lastHeader(HEADER_PREFIX + name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** The bytes as UTF-8 text, or null when they are not valid UTF-8 (or absent). */
    static String text(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String keyText(byte[] key) {
        String text = text(key);
        return key != null && text == null ? Base64.getEncoder().encodeToString(key) : text;
    }

    private static Integer integer(String value) {
        try {
            return value == null ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long longValue(String value) {
        try {
            return value == null ? null : Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static ProblemException unavailable(String detail) {
        return new ProblemException(503, "dead-letters-unavailable", "Dead-letter topic unavailable", detail,
                List.of());
    }
}
