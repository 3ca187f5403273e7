package dev.postventa.support.relay;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Turns a Debezium change record of the outbox table into the Kafka record consumers see: topic and key from the
 * row, the JSON payload as the value (encoded once) and CloudEvents 1.0 binary-mode headers written by the
 * CloudEvents SDK.
 *
 * <p>Why not Debezium's outbox EventRouter SMT: it would route by a column and key by the aggregate id, but it writes
 * plain Connect headers, not CloudEvents binary mode ({@code ce_specversion}, RFC 3339 {@code ce_time},
 * {@code content-type}), and with the embedded engine its output would still have to be turned from a Connect
 * {@code SourceRecord} into a {@code ProducerRecord} here. Reading the row and letting the CloudEvents SDK write the
 * envelope is one step instead of two.
 */
public final class OutboxRecordMapper {

    private final URI source;

    /** {@code source} is the service name: a URI reference, as CloudEvents wants for {@code ce_source}. */
    public OutboxRecordMapper(String source) {
        this.source = URI.create(source);
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
        String aggregateId = row.getString("aggregate_id");
        CloudEvent event = CloudEventBuilder.v1()
                .withId(row.getString("id"))
                .withSource(source)
                .withType(row.getString("event_type"))
                .withTime(OffsetDateTime.ofInstant(Instant.parse(row.getString("occurred_at")), ZoneOffset.UTC))
                .withSubject(aggregateId)
                .withDataContentType("application/json")
                // The payload column is jsonb, which Debezium hands over as JSON text: encoded once, sent as is.
                .withData(row.getString("payload").getBytes(StandardCharsets.UTF_8))
                .build();
        return Optional.of(KafkaMessageFactory.createWriter(row.getString("topic"), aggregateId).writeBinary(event));
    }

    private static boolean isOutboxTable(Struct envelope) {
        Struct sourceInfo = envelope.getStruct("source");
        return sourceInfo != null && "outbox_event".equals(sourceInfo.getString("table"));
    }
}
