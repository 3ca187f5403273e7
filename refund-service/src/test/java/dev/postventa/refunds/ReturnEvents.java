package dev.postventa.refunds;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.DomainEvent;
import dev.postventa.events.EventJson;
import dev.postventa.events.Money;
import dev.postventa.events.ReturnedLine;
import dev.postventa.events.returns.ReturnReceived;
import dev.postventa.infra.KafkaTestClient;
import dev.postventa.infra.ServiceDatabase;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Return events as returns-service publishes them (CloudEvents binary mode, key = return id), for the tests. */
final class ReturnEvents {

    static final CustomerContact ANA = new CustomerContact("cust-ana", "ana@example.mx", "es-MX", "MX");
    /** A guest-checkout customer: no customer id (the storefront contract allows it). */
    static final CustomerContact GUEST = new CustomerContact(null, "invitado@example.mx", "es-MX", "MX");
    /** 2 × 499.90 + 1 × 1299.00 = 2298.80 MXN. */
    static final List<ReturnedLine> SHIRTS_AND_SNEAKERS = List.of(
            new ReturnedLine("L1", "SKU-SHIRT", "Camisa", 2, Money.of("499.90", "MXN"), "SIZE_TOO_SMALL"),
            new ReturnedLine("L2", "SKU-SNK", "Tenis", 1, Money.of("1299.00", "MXN"), "DEFECTIVE"));

    private ReturnEvents() {
    }

    static ReturnReceived received(UUID returnId, String orderId, List<ReturnedLine> lines) {
        return new ReturnReceived(returnId, orderId, "RMA-" + orderId, ANA, lines, Instant.now());
    }

    static ReturnReceived received(UUID returnId, String orderId) {
        return received(returnId, orderId, SHIRTS_AND_SNEAKERS);
    }

    /** Publishes {@code event} on its topic under {@code eventId}, as returns-service's relay would. */
    static void publish(DomainEvent event, String eventId) {
        try (KafkaTestClient kafka = ServiceDatabase.kafka()) {
            kafka.sendCloudEvent(event.topic(), event.aggregateId(), eventId, event.eventType(), "returns-service",
                    EventJson.toBytes(event));
        }
    }

    static String publish(DomainEvent event) {
        String eventId = UUID.randomUUID().toString();
        publish(event, eventId);
        return eventId;
    }
}
