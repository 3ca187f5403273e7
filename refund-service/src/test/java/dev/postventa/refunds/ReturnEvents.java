package dev.postventa.refunds;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.DomainEvent;
import dev.postventa.events.EventJson;
import dev.postventa.events.Money;
import dev.postventa.events.ReturnedLine;
import dev.postventa.events.returns.ResolvedLine;
import dev.postventa.events.returns.ReturnResolved;
import dev.postventa.infra.KafkaTestClient;
import dev.postventa.infra.ServiceDatabase;
import java.math.BigDecimal;
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

    /**
     * The resolution of a return whose lines are all refunded, as returns-service publishes it: refundAmount = Σ of
     * the lines in the first line's currency, no credit, no fee.
     */
    static ReturnResolved resolved(UUID returnId, String orderId, List<ReturnedLine> lines) {
        return refundedInFull(returnId, orderId, ANA, lines);
    }

    static ReturnResolved resolved(UUID returnId, String orderId) {
        return resolved(returnId, orderId, SHIRTS_AND_SNEAKERS);
    }

    static ReturnResolved resolved(UUID returnId, String orderId, CustomerContact customer, List<ReturnedLine> lines) {
        return refundedInFull(returnId, orderId, customer, lines);
    }

    /**
     * A resolution with a refund, a store credit and a restocking fee: {@code refund} and {@code credit} are the
     * amounts settled each way (the fee already deducted), {@code fee} what was deducted.
     */
    static ReturnResolved resolved(UUID returnId, String orderId, CustomerContact customer, List<ReturnedLine> lines,
                                   Money refund, Money credit, Money fee) {
        List<ResolvedLine> resolvedLines = lines.stream().map(line -> new ResolvedLine(line.lineId(), line.sku(),
                line.name(), line.quantity(), line.unitPrice(), line.resolutionOrRefund(), null,
                Money.zero(line.unitPrice().currency()), line.total(),
                ReturnedLine.STORE_CREDIT.equals(line.resolution()) ? ReturnedLine.STORE_CREDIT : ReturnedLine.REFUND))
                .toList();
        return new ReturnResolved(returnId, orderId, "RMA-" + orderId, customer, resolvedLines, refund, credit, fee,
                false, Instant.now());
    }

    private static ReturnResolved refundedInFull(UUID returnId, String orderId, CustomerContact customer,
                                                 List<ReturnedLine> lines) {
        String currency = lines.isEmpty() ? "MXN" : lines.get(0).unitPrice().currency();
        BigDecimal total = lines.stream().filter(line -> line.unitPrice().currency().equals(currency))
                .map(line -> line.total().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        return resolved(returnId, orderId, customer, lines, new Money(total, currency).normalized(),
                Money.zero(currency), Money.zero(currency));
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
