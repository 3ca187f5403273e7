package dev.postventa.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A fact published by a service through its outbox. Where it goes is not part of the JSON payload: the Kafka key
 * and {@code ce_subject} come from {@link #aggregateId()}, the {@code ce_type} and the topic from the one table in
 * {@link EventCatalog}.
 */
public interface DomainEvent {

    /** Kafka key and CloudEvents {@code subject}: the id of the aggregate the event belongs to. */
    @JsonIgnore
    String aggregateId();

    /** CloudEvents {@code type} of this event, as {@link EventCatalog} lists it. */
    @JsonIgnore
    default String eventType() {
        return EventCatalog.typeOf(getClass());
    }

    /** Kafka topic, one of {@link Topics}, as {@link EventCatalog} lists it. */
    @JsonIgnore
    default String topic() {
        return EventCatalog.topicOf(getClass());
    }
}
