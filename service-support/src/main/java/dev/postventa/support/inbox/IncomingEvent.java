package dev.postventa.support.inbox;

import dev.postventa.events.EventJson;
import dev.postventa.events.UndecodableEventException;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import java.time.OffsetDateTime;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A CloudEvents record from a {@code postventa.*} topic, read by the CloudEvents SDK: id, type, subject, payload,
 * and {@code time} (the producer's {@code ce_time}; null when the record has none, as CloudEvents allows).
 */
public record IncomingEvent(String id, String type, String source, String subject, byte[] payload,
                            OffsetDateTime time) {

    /** An event without {@code ce_time}. */
    public IncomingEvent(String id, String type, String source, String subject, byte[] payload) {
        this(id, type, source, subject, payload, null);
    }

    /** Reads the CloudEvents envelope; a record without one does not follow the contract. */
    public static IncomingEvent from(ConsumerRecord<String, byte[]> record) {
        CloudEvent event;
        try {
            event = KafkaMessageFactory.createReader(record).toEvent();
        } catch (CloudEventRWException | IllegalStateException e) {
            throw new UndecodableEventException("record " + record.topic() + "/" + record.partition() + "@"
                    + record.offset() + " is not a CloudEvent: " + e.getMessage());
        }
        if (event.getData() == null) {
            throw new UndecodableEventException("event " + event.getId() + " has no payload");
        }
        return new IncomingEvent(event.getId(), event.getType(), String.valueOf(event.getSource()), event.getSubject(),
                event.getData().toBytes(), event.getTime());
    }

    public <T> T payloadAs(Class<T> type) {
        return EventJson.fromBytes(payload, type);
    }
}
