package dev.postventa.support.relay;

import dev.postventa.support.failure.Causes;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.connect.source.SourceRecord;
import org.jboss.logging.Logger;

/**
 * Sends each batch of outbox changes to Kafka and marks the records processed only after Kafka acknowledged all
 * of them: a crash in between replays the batch (at least once), it never skips it.
 *
 * <p>A record Kafka refuses for good (too large, topic not authorised or invalid) would fail every replay and stop the
 * relay forever: it is handed to the {@link Parking} (stored with its reason, counted, logged) and then marked
 * processed like the others. Any other failure fails the batch, and the engine is restarted and replays it.
 */
final class KafkaForwarder implements DebeziumEngine.ChangeConsumer<RecordChangeEvent<SourceRecord>> {

    private static final Logger LOG = Logger.getLogger(KafkaForwarder.class);

    /** Keeps a record Kafka refuses forever, durably, before the relay moves past it. */
    @FunctionalInterface
    interface Parking {
        /** Must throw unless the record is stored: the batch then fails and is replayed. */
        void park(ProducerRecord<String, byte[]> record, Throwable refusal);

        /** Without a place to park, a refused record fails the batch, as it always did. */
        Parking NONE = (record, refusal) -> {
            throw new IllegalStateException("Kafka did not acknowledge an outbox event", refusal);
        };
    }

    /** Told of each record Kafka acknowledged (metrics). */
    @FunctionalInterface
    interface Acknowledged {
        void relayed(ProducerRecord<String, byte[]> record);

        Acknowledged NONE = record -> {
        };
    }

    private final Producer<String, byte[]> producer;
    private final OutboxRecordMapper mapper;
    private final long sendTimeoutMillis;
    private final Parking parking;
    private final Acknowledged acknowledged;

    KafkaForwarder(Producer<String, byte[]> producer, OutboxRecordMapper mapper, long sendTimeoutMillis) {
        this(producer, mapper, sendTimeoutMillis, Parking.NONE, Acknowledged.NONE);
    }

    KafkaForwarder(Producer<String, byte[]> producer, OutboxRecordMapper mapper, long sendTimeoutMillis,
                   Parking parking) {
        this(producer, mapper, sendTimeoutMillis, parking, Acknowledged.NONE);
    }

    KafkaForwarder(Producer<String, byte[]> producer, OutboxRecordMapper mapper, long sendTimeoutMillis,
                   Parking parking, Acknowledged acknowledged) {
        this.producer = producer;
        this.mapper = mapper;
        this.sendTimeoutMillis = sendTimeoutMillis;
        this.parking = parking;
        this.acknowledged = acknowledged;
    }

    @Override
    public void handleBatch(List<RecordChangeEvent<SourceRecord>> changes,
                            DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
            throws InterruptedException {
        List<ProducerRecord<String, byte[]>> sent = new ArrayList<>();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        for (RecordChangeEvent<SourceRecord> change : changes) {
            Optional<ProducerRecord<String, byte[]>> record = mapper.map(change.record());
            record.ifPresent(r -> {
                LOG.debugf("relaying %s to %s key %s", header(r, "ce_type"), r.topic(), r.key());
                acks.add(producer.send(r));
                sent.add(r);
            });
        }
        producer.flush();
        for (int i = 0; i < acks.size(); i++) {
            awaitAck(sent.get(i), acks.get(i));
        }
        for (RecordChangeEvent<SourceRecord> change : changes) {
            committer.markProcessed(change);
        }
        committer.markBatchFinished();
        if (!sent.isEmpty()) {
            LOG.debugf("relayed %d outbox events", sent.size());
        }
    }

    /** Kafka's refusals that no retry can change: the same record gets the same answer forever. */
    static boolean refusedForever(Throwable failure) {
        return Causes.any(failure, t -> t instanceof RecordTooLargeException || t instanceof RecordBatchTooLargeException
                || t instanceof TopicAuthorizationException || t instanceof InvalidTopicException);
    }

    static String header(ProducerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private void awaitAck(ProducerRecord<String, byte[]> record, Future<RecordMetadata> ack)
            throws InterruptedException {
        try {
            ack.get(sendTimeoutMillis, TimeUnit.MILLISECONDS);
            acknowledged.relayed(record);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (!refusedForever(cause)) {
                // Failing the batch stops the engine; the supervisor restarts it and Debezium replays from the last
                // acknowledged position.
                throw new IllegalStateException("Kafka did not acknowledge an outbox event", e);
            }
            parking.park(record, cause);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge an outbox event", e);
        }
    }
}
