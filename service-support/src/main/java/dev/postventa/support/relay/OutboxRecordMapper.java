package dev.postventa.support.relay;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Turns a Debezium change record of the outbox table into the Kafka record consumers see: topic and key from the
 * row, the JSON payload as the value (encoded once) and CloudEvents 1.0 binary-mode headers.
 */
public final class OutboxRecordMapper {

    static final String SPEC_VERSION = "1.0";

    private final String source;

    public OutboxRecordMapper(String source) {
        this.source = source;
    }

    /** Empty for anything that is not an insert into the outbox (the deletes, heartbeats, other tables). */
    public Optional<ProducerRecord<String, byte[]>> map(SourceRecord change) {
        if (!(change.value() instanceof Struct envelope) || envelope.schema().field("op") == null) {
            return Optional.empty();
        }
        if (!"c".equals(envelope.getString("op")) || !isOutboxTable(envelope)) {
            return Optional.empty();
        }
        Struct row = envelope.getStruct("after");
        String id = row.getString("id");
        String aggregateId = row.getString("aggregate_id");
        String time = Instant.parse(row.getString("occurred_at")).toString();

        RecordHeaders headers = new RecordHeaders();
        header(headers, "ce_id", id);
        header(headers, "ce_specversion", SPEC_VERSION);
        header(headers, "ce_type", row.getString("event_type"));
        header(headers, "ce_source", source);
        header(headers, "ce_time", time);
        header(headers, "ce_subject", aggregateId);
        header(headers, "content-type", "application/json");

        byte[] payload = row.getString("payload").getBytes(StandardCharsets.UTF_8);
        return Optional.of(new ProducerRecord<>(row.getString("topic"), null, aggregateId, payload, headers));
    }

    private static boolean isOutboxTable(Struct envelope) {
        Struct sourceInfo = envelope.getStruct("source");
        return sourceInfo != null && "outbox_event".equals(sourceInfo.getString("table"));
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
