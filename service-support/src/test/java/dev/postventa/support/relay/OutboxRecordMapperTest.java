package dev.postventa.support.relay;

import static dev.postventa.support.relay.OutboxChanges.delete;
import static dev.postventa.support.relay.OutboxChanges.insert;
import static org.assertj.core.api.Assertions.assertThat;

import dev.postventa.events.EventJson;
import dev.postventa.support.inbox.IncomingEvent;
import dev.postventa.support.relay.OutboxChanges.Row;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.junit.jupiter.api.Test;

class OutboxRecordMapperTest {

    private static final String PAYLOAD = "{\"returnId\": \"6f1c2a9e-3b47-4d5a-9c1e-2f7b8a9d0e11\", \"orderId\": \"SO-1001\", "
            + "\"rmaNumber\": \"RMA-2026-000001\"}";
    private static final Row APPROVED = new Row("0c6bd7b4-8a5d-4a83-9f0b-6e2f4f6d1a77",
            "6f1c2a9e-3b47-4d5a-9c1e-2f7b8a9d0e11", "postventa.return.approved.v1", "postventa.returns", PAYLOAD,
            "2026-03-01T10:15:30.123456Z");

    private final OutboxRecordMapper mapper = new OutboxRecordMapper("returns-service");

    @Test
    void anInsertBecomesARecordOnTheRowsTopicKeyedByTheAggregate() {
        ProducerRecord<String, byte[]> record = mapper.map(insert(APPROVED)).orElseThrow();

        assertThat(record.topic()).isEqualTo("postventa.returns");
        assertThat(record.key()).isEqualTo("6f1c2a9e-3b47-4d5a-9c1e-2f7b8a9d0e11");
        assertThat(record.partition()).isNull();
    }

    @Test
    void thePayloadIsSentAsStoredEncodedOnce() throws Exception {
        ProducerRecord<String, byte[]> record = mapper.map(insert(APPROVED)).orElseThrow();

        assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo(PAYLOAD);
        assertThat(EventJson.mapper().readTree(record.value()).isObject()).isTrue();
        assertThat(EventJson.mapper().readTree(record.value()).get("rmaNumber").asText())
                .isEqualTo("RMA-2026-000001");
    }

    @Test
    void nonAsciiTextInThePayloadIsSentAsUtf8() {
        String payload = "{\"location\": \"Ciudad de México\", \"name\": \"Camisa de lino – talla M\"}";
        Row row = new Row(APPROVED.id(), APPROVED.aggregateId(), "postventa.shipment.status-changed.v1",
                "postventa.shipments", payload, APPROVED.occurredAt());

        ProducerRecord<String, byte[]> record = mapper.map(insert(row)).orElseThrow();

        assertThat(record.value()).isEqualTo(payload.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theEnvelopeIsCloudEventsBinaryModeHeaders() {
        ProducerRecord<String, byte[]> record = mapper.map(insert(APPROVED)).orElseThrow();

        assertThat(headers(record)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "ce_specversion", "1.0",
                "ce_id", "0c6bd7b4-8a5d-4a83-9f0b-6e2f4f6d1a77",
                "ce_type", "postventa.return.approved.v1",
                "ce_source", "returns-service",
                "ce_subject", "6f1c2a9e-3b47-4d5a-9c1e-2f7b8a9d0e11",
                "ce_time", "2026-03-01T10:15:30.123456Z",
                "content-type", "application/json"));
    }

    @Test
    void eachHeaderIsWrittenOnce() {
        ProducerRecord<String, byte[]> record = mapper.map(insert(APPROVED)).orElseThrow();

        assertThat(record.headers().toArray()).extracting(Header::key).doesNotHaveDuplicates();
    }

    @Test
    void anOccurrenceWithAnOffsetIsSentInUtc() {
        Row withOffset = new Row(APPROVED.id(), APPROVED.aggregateId(), APPROVED.eventType(), APPROVED.topic(),
                PAYLOAD, "2026-03-01T10:15:30Z");

        ProducerRecord<String, byte[]> record = mapper.map(insert(withOffset)).orElseThrow();

        assertThat(headers(record)).containsEntry("ce_time", "2026-03-01T10:15:30Z");
    }

    @Test
    void whatTheRelaySendsIsWhatTheInboxReads() {
        ProducerRecord<String, byte[]> sent = mapper.map(insert(APPROVED)).orElseThrow();
        ConsumerRecord<String, byte[]> received = new ConsumerRecord<>(sent.topic(), 0, 42L, 0L,
                TimestampType.CREATE_TIME, 0, 0, sent.key(), sent.value(), sent.headers(), Optional.empty());

        IncomingEvent event = IncomingEvent.from(received);

        assertThat(event.id()).isEqualTo(APPROVED.id());
        assertThat(event.type()).isEqualTo(APPROVED.eventType());
        assertThat(event.source()).isEqualTo("returns-service");
        assertThat(event.subject()).isEqualTo(APPROVED.aggregateId());
        assertThat(new String(event.payload(), StandardCharsets.UTF_8)).isEqualTo(PAYLOAD);
    }

    @Test
    void theDeleteThatEmptiesTheOutboxIsNotRelayed() {
        assertThat(mapper.map(delete(APPROVED))).isEmpty();
    }

    @Test
    void updatesAndSnapshotReadsAreNotRelayed() {
        assertThat(mapper.map(OutboxChanges.change("u", "outbox_event", null, APPROVED.toStruct()))).isEmpty();
        assertThat(mapper.map(OutboxChanges.change("r", "outbox_event", null, APPROVED.toStruct()))).isEmpty();
    }

    @Test
    void anInsertIntoAnotherTableIsNotRelayed() {
        assertThat(mapper.map(OutboxChanges.change("c", "return_request", null, APPROVED.toStruct()))).isEmpty();
    }

    @Test
    void recordsWithoutAChangeEnvelopeAreNotRelayed() {
        assertThat(mapper.map(OutboxChanges.heartbeat())).isEmpty();
        assertThat(mapper.map(OutboxChanges.record(null, null))).isEmpty();
        assertThat(mapper.map(OutboxChanges.record(Schema.STRING_SCHEMA, "not an envelope"))).isEmpty();
    }

    private static Map<String, String> headers(ProducerRecord<String, byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }
}
