package dev.postventa.support.inbox;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.EventCatalog;
import dev.postventa.events.EventJson;
import dev.postventa.events.Money;
import dev.postventa.events.ReturnedLine;
import dev.postventa.events.returns.ReturnApproved;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

/** Records as consumers receive them from a {@code postventa.*} topic: CloudEvents binary mode, JSON payload. */
final class InboundRecords {

    static final String EVENT_ID = "0c6bd7b4-8a5d-4a83-9f0b-6e2f4f6d1a77";
    static final ReturnApproved APPROVED = new ReturnApproved(
            UUID.fromString("6f1c2a9e-3b47-4d5a-9c1e-2f7b8a9d0e11"), "MX-100234", "RMA-261120-7KQ2ZP",
            new CustomerContact("cust-4711", "ana.lopez@example.mx", "es-MX", "MX"),
            List.of(new ReturnedLine("L1", "SKU-SHIRT-M", "Camisa de lino", 2, Money.of("499.90", "MXN"),
                    "SIZE_TOO_SMALL")),
            Instant.parse("2026-11-20T15:30:01Z"));

    private InboundRecords() {
    }

    /** The headers the relay writes for {@link #APPROVED}. */
    static Map<String, String> approvedHeaders() {
        return new java.util.LinkedHashMap<>(Map.of(
                "ce_specversion", "1.0",
                "ce_id", EVENT_ID,
                "ce_type", EventCatalog.typeOf(ReturnApproved.class),
                "ce_source", "returns-service",
                "ce_subject", APPROVED.aggregateId(),
                "ce_time", "2026-11-20T15:30:01Z",
                "content-type", "application/json"));
    }

    static ConsumerRecord<String, byte[]> approved() {
        return record(approvedHeaders(), EventJson.toBytes(APPROVED));
    }

    static ConsumerRecord<String, byte[]> record(Map<String, String> headers, byte[] value) {
        RecordHeaders kafkaHeaders = new RecordHeaders();
        headers.forEach((name, text) -> kafkaHeaders.add(name, text.getBytes(StandardCharsets.UTF_8)));
        return new ConsumerRecord<>("postventa.returns", 2, 17L, 0L, TimestampType.CREATE_TIME, 0,
                value == null ? 0 : value.length, APPROVED.aggregateId(), value, kafkaHeaders, Optional.empty());
    }
}
