package dev.postventa.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A fact published by a service through its outbox. The three methods tell the relay where the event goes;
 * they are not part of the JSON payload (they travel as the Kafka key and the {@code ce_type}/{@code ce_subject}
 * headers). {@link EventCatalog} lists every implementation.
 */
public interface DomainEvent {

    /** Kafka key and CloudEvents {@code subject}: the id of the aggregate the event belongs to. */
    @JsonIgnore
    String aggregateId();

    /** CloudEvents {@code type}, one of {@link EventTypes}. */
    @JsonIgnore
    String eventType();

    /** Kafka topic, one of {@link Topics}. */
    @JsonIgnore
    String topic();
}
