package dev.postventa.support.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postventa.support.relay.OutboxChanges.Row;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

/** The relay's rule: a batch is marked processed only once Kafka acknowledged every record of it. */
class KafkaForwarderTest {

    private static final long SEND_TIMEOUT_MILLIS = 10_000;
    private static final Duration AWAIT = Duration.ofSeconds(10);

    private final RecordingCommitter committer = new RecordingCommitter();

    @Test
    void aBatchAcknowledgedByKafkaIsSentInOrderAndMarkedProcessedThenFinished() throws Exception {
        MockProducer<String, byte[]> producer = autoAcknowledging();
        List<RecordChangeEvent<SourceRecord>> batch = List.of(
                change(OutboxChanges.insert(row("event-1", "return-1"))),
                change(OutboxChanges.insert(row("event-2", "return-2"))));

        forwarder(producer, SEND_TIMEOUT_MILLIS).handleBatch(batch, committer);

        assertThat(producer.history()).extracting(ProducerRecord::key).containsExactly("return-1", "return-2");
        assertThat(committer.marked).containsExactlyElementsOf(batch);
        assertThat(committer.batchFinished).isTrue();
    }

    @Test
    void changesThatAreNotRelayedAreStillMarkedSoTheStreamMovesOn() throws Exception {
        MockProducer<String, byte[]> producer = autoAcknowledging();
        Row row = row("event-1", "return-1");
        List<RecordChangeEvent<SourceRecord>> batch = List.of(
                change(OutboxChanges.insert(row)), change(OutboxChanges.delete(row)), change(OutboxChanges.heartbeat()));

        forwarder(producer, SEND_TIMEOUT_MILLIS).handleBatch(batch, committer);

        assertThat(producer.history()).hasSize(1);
        assertThat(committer.marked).containsExactlyElementsOf(batch);
        assertThat(committer.batchFinished).isTrue();
    }

    @Test
    void nothingIsMarkedBeforeKafkaAcknowledgedTheWholeBatch() throws Exception {
        AcknowledgingByHand producer = new AcknowledgingByHand();
        List<RecordChangeEvent<SourceRecord>> batch = List.of(
                change(OutboxChanges.insert(row("event-1", "return-1"))),
                change(OutboxChanges.insert(row("event-2", "return-2"))));

        CompletableFuture<Void> handling = CompletableFuture.runAsync(() -> handle(producer, batch));
        awaitSent(producer, 2);

        assertThat(committer.marked).isEmpty();
        assertThat(producer.completeNext()).isTrue();
        assertThat(committer.marked).isEmpty();
        assertThat(committer.batchFinished).isFalse();

        assertThat(producer.completeNext()).isTrue();
        handling.get(AWAIT.toMillis(), TimeUnit.MILLISECONDS);

        assertThat(committer.marked).containsExactlyElementsOf(batch);
        assertThat(committer.batchFinished).isTrue();
    }

    @Test
    void aFailedAcknowledgementFailsTheBatchWithoutMarkingAnything() throws Exception {
        AcknowledgingByHand producer = new AcknowledgingByHand();
        List<RecordChangeEvent<SourceRecord>> batch = List.of(
                change(OutboxChanges.insert(row("event-1", "return-1"))),
                change(OutboxChanges.insert(row("event-2", "return-2"))));

        CompletableFuture<Void> handling = CompletableFuture.runAsync(() -> handle(producer, batch));
        awaitSent(producer, 2);
        producer.completeNext();
        producer.errorNext(new NotEnoughReplicasException("not enough in-sync replicas"));

        assertThatThrownBy(() -> handling.get(AWAIT.toMillis(), TimeUnit.MILLISECONDS))
                .rootCause()
                .isInstanceOf(NotEnoughReplicasException.class);
        assertThatThrownBy(handling::join).cause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Kafka did not acknowledge an outbox event");
        assertThat(committer.marked).isEmpty();
        assertThat(committer.batchFinished).isFalse();
    }

    @Test
    void anAcknowledgementThatNeverComesFailsTheBatchAfterTheSendTimeout() {
        AcknowledgingByHand producer = new AcknowledgingByHand();
        List<RecordChangeEvent<SourceRecord>> batch = List.of(change(OutboxChanges.insert(row("event-1", "return-1"))));

        assertThatThrownBy(() -> forwarder(producer, 50).handleBatch(batch, committer))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Kafka did not acknowledge an outbox event")
                .hasCauseInstanceOf(java.util.concurrent.TimeoutException.class);
        assertThat(committer.marked).isEmpty();
        assertThat(committer.batchFinished).isFalse();
    }

    @Test
    void aSendRefusedAtOnceFailsTheBatchWithoutMarkingAnything() {
        MockProducer<String, byte[]> producer = autoAcknowledging();
        producer.sendException = new org.apache.kafka.common.KafkaException("producer closed");
        List<RecordChangeEvent<SourceRecord>> batch = List.of(change(OutboxChanges.insert(row("event-1", "return-1"))));

        assertThatThrownBy(() -> forwarder(producer, SEND_TIMEOUT_MILLIS).handleBatch(batch, committer))
                .hasMessageContaining("producer closed");
        assertThat(committer.marked).isEmpty();
        assertThat(committer.batchFinished).isFalse();
    }

    @Test
    void aRecordKafkaRefusesForeverIsParkedAndTheBatchMovesOn() throws Exception {
        AcknowledgingByHand producer = new AcknowledgingByHand();
        List<ProducerRecord<String, byte[]>> parked = Collections.synchronizedList(new ArrayList<>());
        List<ProducerRecord<String, byte[]>> relayed = Collections.synchronizedList(new ArrayList<>());
        List<RecordChangeEvent<SourceRecord>> batch = List.of(
                change(OutboxChanges.insert(row("event-1", "return-1"))),
                change(OutboxChanges.insert(row("event-2", "return-2"))));
        KafkaForwarder forwarder = new KafkaForwarder(producer, new OutboxRecordMapper("returns-service"),
                SEND_TIMEOUT_MILLIS, (record, refusal) -> parked.add(record), relayed::add);

        CompletableFuture<Void> handling = CompletableFuture.runAsync(() -> {
            try {
                forwarder.handleBatch(batch, committer);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        awaitSent(producer, 2);
        producer.errorNext(new RecordTooLargeException("the message is 1500123 bytes"));
        producer.completeNext();
        handling.get(AWAIT.toMillis(), TimeUnit.MILLISECONDS);

        assertThat(parked).extracting(ProducerRecord::key).containsExactly("return-1");
        // Only what Kafka acknowledged counts as relayed (the parked one is counted as parked).
        assertThat(relayed).extracting(ProducerRecord::key).containsExactly("return-2");
        assertThat(committer.marked).containsExactlyElementsOf(batch);
        assertThat(committer.batchFinished).isTrue();
    }

    @Test
    void aRecordThatCannotBeParkedFailsTheBatch() throws Exception {
        AcknowledgingByHand producer = new AcknowledgingByHand();
        List<RecordChangeEvent<SourceRecord>> batch = List.of(change(OutboxChanges.insert(row("event-1", "return-1"))));
        KafkaForwarder forwarder = new KafkaForwarder(producer, new OutboxRecordMapper("returns-service"),
                SEND_TIMEOUT_MILLIS, (record, refusal) -> {
                    throw new IllegalStateException("database unreachable");
                });

        CompletableFuture<Void> handling = CompletableFuture.runAsync(() -> {
            try {
                forwarder.handleBatch(batch, committer);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        awaitSent(producer, 1);
        producer.errorNext(new TopicAuthorizationException("not authorised"));

        assertThatThrownBy(() -> handling.get(AWAIT.toMillis(), TimeUnit.MILLISECONDS))
                .rootCause().hasMessage("database unreachable");
        assertThat(committer.marked).isEmpty();
        assertThat(committer.batchFinished).isFalse();
    }

    @Test
    void onlyRefusalsNoRetryCanChangeCountAsForever() {
        assertThat(KafkaForwarder.refusedForever(new RecordTooLargeException("too large"))).isTrue();
        assertThat(KafkaForwarder.refusedForever(new TopicAuthorizationException("denied"))).isTrue();
        assertThat(KafkaForwarder.refusedForever(
                new java.util.concurrent.ExecutionException(new org.apache.kafka.common.errors.InvalidTopicException("bad"))))
                .isTrue();
        assertThat(KafkaForwarder.refusedForever(new NotEnoughReplicasException("not enough replicas"))).isFalse();
        assertThat(KafkaForwarder.refusedForever(new org.apache.kafka.common.errors.TimeoutException("timeout")))
                .isFalse();
    }

    private void handle(MockProducer<String, byte[]> producer, List<RecordChangeEvent<SourceRecord>> batch) {
        try {
            forwarder(producer, SEND_TIMEOUT_MILLIS).handleBatch(batch, committer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static KafkaForwarder forwarder(MockProducer<String, byte[]> producer, long sendTimeoutMillis) {
        return new KafkaForwarder(producer, new OutboxRecordMapper("returns-service"), sendTimeoutMillis);
    }

    private static MockProducer<String, byte[]> autoAcknowledging() {
        return new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    }

    private static void awaitSent(MockProducer<String, byte[]> producer, int records) throws InterruptedException {
        long deadline = System.nanoTime() + AWAIT.toNanos();
        while (producer.history().size() < records) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the forwarder did not send " + records + " records within " + AWAIT);
            }
            Thread.sleep(5);
        }
    }

    private static Row row(String id, String aggregateId) {
        return new Row(id, aggregateId, "postventa.return.approved.v1", "postventa.returns",
                "{\"returnId\":\"" + aggregateId + "\"}", "2026-03-01T10:15:30Z");
    }

    private static RecordChangeEvent<SourceRecord> change(SourceRecord record) {
        return () -> record;
    }

    /**
     * A producer whose acknowledgements the test gives one by one. {@link MockProducer#flush()} would acknowledge
     * every pending record; a real flush only waits for Kafka's answers, which here are the test's to give.
     */
    private static final class AcknowledgingByHand extends MockProducer<String, byte[]> {

        AcknowledgingByHand() {
            super(false, null, new StringSerializer(), new ByteArraySerializer());
        }

        @Override
        public synchronized void flush() {
        }
    }

    /** Remembers what the forwarder marked processed, in order, and whether it finished the batch. */
    private static final class RecordingCommitter implements DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> {

        final List<RecordChangeEvent<SourceRecord>> marked = Collections.synchronizedList(new ArrayList<>());
        volatile boolean batchFinished;

        @Override
        public void markProcessed(RecordChangeEvent<SourceRecord> record) {
            marked.add(record);
        }

        @Override
        public void markProcessed(RecordChangeEvent<SourceRecord> record, DebeziumEngine.Offsets offsets) {
            marked.add(record);
        }

        @Override
        public void markBatchFinished() {
            batchFinished = true;
        }

        @Override
        public DebeziumEngine.Offsets buildOffsets() {
            throw new UnsupportedOperationException("the forwarder keeps Debezium's own offsets");
        }
    }
}
