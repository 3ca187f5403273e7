package dev.postventa.support.relay;

import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Change records shaped as Debezium's PostgreSQL connector emits them for the outbox table: an envelope with
 * {@code op}, {@code source.table} and the row in {@code after} (uuid and jsonb as text, timestamptz as an ISO-8601
 * {@code ZonedTimestamp} string).
 */
final class OutboxChanges {

    static final String DEBEZIUM_TOPIC = "returns-service.public.outbox_event";

    static final Schema ROW = SchemaBuilder.struct().name(DEBEZIUM_TOPIC + ".Value").optional()
            .field("id", SchemaBuilder.string().name("io.debezium.data.Uuid").build())
            .field("aggregate_type", Schema.STRING_SCHEMA)
            .field("aggregate_id", Schema.STRING_SCHEMA)
            .field("event_type", Schema.STRING_SCHEMA)
            .field("topic", Schema.STRING_SCHEMA)
            .field("payload", SchemaBuilder.string().name("io.debezium.data.Json").build())
            .field("occurred_at", SchemaBuilder.string().name("io.debezium.time.ZonedTimestamp").build())
            .build();

    static final Schema SOURCE = SchemaBuilder.struct().name("io.debezium.connector.postgresql.Source")
            .field("connector", Schema.STRING_SCHEMA)
            .field("schema", Schema.STRING_SCHEMA)
            .field("table", Schema.STRING_SCHEMA)
            .build();

    static final Schema ENVELOPE = SchemaBuilder.struct().name(DEBEZIUM_TOPIC + ".Envelope")
            .field("before", ROW)
            .field("after", ROW)
            .field("source", SOURCE)
            .field("op", Schema.STRING_SCHEMA)
            .field("ts_ms", Schema.OPTIONAL_INT64_SCHEMA)
            .build();

    static final Schema HEARTBEAT = SchemaBuilder.struct().name("io.debezium.connector.common.Heartbeat")
            .field("ts_ms", Schema.INT64_SCHEMA)
            .build();

    private OutboxChanges() {
    }

    /** One outbox row, as written by the OutboxWriter. */
    record Row(String id, String aggregateId, String eventType, String topic, String payload, String occurredAt) {

        Struct toStruct() {
            return new Struct(ROW)
                    .put("id", id)
                    .put("aggregate_type", topic)
                    .put("aggregate_id", aggregateId)
                    .put("event_type", eventType)
                    .put("topic", topic)
                    .put("payload", payload)
                    .put("occurred_at", occurredAt);
        }
    }

    static SourceRecord insert(Row row) {
        return change("c", "outbox_event", null, row.toStruct());
    }

    static SourceRecord delete(Row row) {
        return change("d", "outbox_event", row.toStruct(), null);
    }

    static SourceRecord change(String op, String table, Struct before, Struct after) {
        Struct envelope = new Struct(ENVELOPE)
                .put("before", before)
                .put("after", after)
                .put("source", new Struct(SOURCE).put("connector", "postgresql").put("schema", "public")
                        .put("table", table))
                .put("op", op)
                .put("ts_ms", 1_772_359_200_000L);
        return record(ENVELOPE, envelope);
    }

    static SourceRecord heartbeat() {
        return record(HEARTBEAT, new Struct(HEARTBEAT).put("ts_ms", 1_772_359_200_000L));
    }

    static SourceRecord record(Schema valueSchema, Object value) {
        return new SourceRecord(Map.of("server", "returns-service"), Map.of("lsn", 24_023_128L), DEBEZIUM_TOPIC,
                null, null, null, valueSchema, value);
    }
}
