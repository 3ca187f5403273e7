package dev.postventa.support.relay;

import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
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
import org.apache.kafka.connect.source.SourceRecord;
import org.jboss.logging.Logger;

/**
 * Sends each batch of outbox changes to Kafka and marks the records processed only after Kafka acknowledged all
 * of them: a crash in between replays the batch (at least once), it never skips it.
 */
final class KafkaForwarder implements DebeziumEngine.ChangeConsumer<RecordChangeEvent<SourceRecord>> {

    private static final Logger LOG = Logger.getLogger(KafkaForwarder.class);

    private final Producer<String, byte[]> producer;
    private final OutboxRecordMapper mapper;
    private final long sendTimeoutMillis;

    KafkaForwarder(Producer<String, byte[]> producer, OutboxRecordMapper mapper, long sendTimeoutMillis) {
        this.producer = producer;
        this.mapper = mapper;
        this.sendTimeoutMillis = sendTimeoutMillis;
    }

    @Override
    public void handleBatch(List<RecordChangeEvent<SourceRecord>> changes,
                            DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
            throws InterruptedException {
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        for (RecordChangeEvent<SourceRecord> change : changes) {
            Optional<ProducerRecord<String, byte[]>> record = mapper.map(change.record());
            record.ifPresent(r -> {
                LOG.debugf("relaying %s to %s key %s", KafkaForwarder.header(r, "ce_type"), r.topic(), r.key());
                acks.add(producer.send(r));
            });
        }
        producer.flush();
        for (Future<RecordMetadata> ack : acks) {
            awaitAck(ack);
        }
        for (RecordChangeEvent<SourceRecord> change : changes) {
            committer.markProcessed(change);
        }
        committer.markBatchFinished();
        if (!acks.isEmpty()) {
            LOG.debugf("relayed %d outbox events", acks.size());
        }
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private void awaitAck(Future<RecordMetadata> ack) throws InterruptedException {
        try {
            ack.get(sendTimeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // Failing the batch stops the engine; the supervisor restarts it and Debezium replays from the last
            // acknowledged position.
            throw new IllegalStateException("Kafka did not acknowledge an outbox event", e);
        }
    }
}
