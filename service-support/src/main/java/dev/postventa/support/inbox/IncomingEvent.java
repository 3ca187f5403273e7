package dev.postventa.support.inbox;

import dev.postventa.events.EventJson;
import dev.postventa.events.UndecodableEventException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** A CloudEvents binary-mode record from a {@code postventa.*} topic: its id, type, subject and JSON payload. */
public record IncomingEvent(String id, String type, String source, String subject, byte[] payload) {

    /** Reads the CloudEvents headers; a record without them does not follow the contract. */
    public static IncomingEvent from(ConsumerRecord<String, byte[]> record) {
        String id = header(record, "ce_id");
        String type = header(record, "ce_type");
        if (id == null || type == null) {
            throw new UndecodableEventException("record " + record.topic() + "/" + record.partition() + "@"
                    + record.offset() + " has no ce_id/ce_type headers");
        }
        if (record.value() == null) {
            throw new UndecodableEventException("event " + id + " has no payload");
        }
        return new IncomingEvent(id, type, header(record, "ce_source"), header(record, "ce_subject"), record.value());
    }

    public <T> T payloadAs(Class<T> type) {
        return EventJson.fromBytes(payload, type);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
