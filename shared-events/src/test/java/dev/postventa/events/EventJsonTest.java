package dev.postventa.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.postventa.events.refunds.RefundIssued;
import dev.postventa.events.returns.ReturnRequested;
import dev.postventa.events.storefront.StorefrontOrderEvent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The wire format details every consumer relies on, and what happens to payloads that break it. */
class EventJsonTest {

    @Test
    void moneyIsWrittenAsAPlainDecimalString() throws Exception {
        JsonNode money = EventJson.mapper().readTree(EventJson.toJson(Money.of("1299.00", "MXN")));
        assertThat(money.get("amount").isTextual()).isTrue();
        assertThat(money.get("amount").asText()).isEqualTo("1299.00");
        assertThat(money.get("currency").asText()).isEqualTo("MXN");
        // A BigDecimal in scientific form (e.g. after stripTrailingZeros) still goes out as plain digits.
        assertThat(EventJson.toJson(new Money(new BigDecimal("1E+3"), "BRL"))).isEqualTo("{\"amount\":\"1000\",\"currency\":\"BRL\"}");
    }

    @Test
    void instantsAreUtcWithTheirFractionKept() {
        RefundIssued issued = (RefundIssued) EventSamples.all().get(EventCatalog.typeOf(RefundIssued.class));
        RefundIssued precise = new RefundIssued(issued.refundId(), issued.returnId(), issued.orderId(), issued.amount(),
                issued.providerReference(), issued.customer(), Instant.parse("2026-11-23T15:31:00.318Z"));
        assertThat(EventJson.toJson(precise)).contains("\"issuedAt\":\"2026-11-23T15:31:00.318Z\"");
        assertThat(EventJson.fromJson(EventJson.toJson(precise), RefundIssued.class)).isEqualTo(precise);
    }

    @Test
    void anOffsetTimeFromALenientProducerIsReadAsTheSameInstant() {
        String json = EventJson.toJson(EventSamples.all().get(EventCatalog.typeOf(ReturnRequested.class)))
                .replace("2026-11-20T15:30:00Z", "2026-11-20T09:30:00-06:00");
        assertThat(EventJson.fromJson(json, ReturnRequested.class).requestedAt())
                .isEqualTo(Instant.parse("2026-11-20T15:30:00Z"));
    }

    static Stream<Arguments> malformed() {
        String refund = EventJson.toJson(EventSamples.all().get(EventCatalog.typeOf(RefundIssued.class)));
        String requested = EventJson.toJson(EventSamples.all().get(EventCatalog.typeOf(ReturnRequested.class)));
        return Stream.of(
                Arguments.of("not JSON at all", "refund issued", RefundIssued.class),
                Arguments.of("empty payload", "", RefundIssued.class),
                Arguments.of("truncated", refund.substring(0, refund.length() / 2), RefundIssued.class),
                Arguments.of("trailing garbage", refund + "}", RefundIssued.class),
                Arguments.of("JSON null", "null", RefundIssued.class),
                Arguments.of("array instead of object", "[" + refund + "]", RefundIssued.class),
                Arguments.of("id is not a UUID", refund.replace("c4a1e2f3-5b6c-4d7e-8f9a-0b1c2d3e4f5a", "refund-1"),
                        RefundIssued.class),
                Arguments.of("amount is not a decimal", refund.replace("\"449.91\"", "\"4.499,10\""), RefundIssued.class),
                Arguments.of("currency is not ISO 4217", refund.replace("\"MXN\"", "\"PESOS\""), RefundIssued.class),
                Arguments.of("money without amount", refund.replace("\"amount\":\"449.91\",", ""), RefundIssued.class),
                Arguments.of("time without zone", requested.replace("2026-11-20T15:30:00Z", "2026-11-20T15:30:00"),
                        ReturnRequested.class),
                Arguments.of("lines is not a list", requested.replaceFirst("\"lines\":\\[.*\\],\"comment\"",
                        "\"lines\":\"two\",\"comment\""), ReturnRequested.class),
                Arguments.of("storefront event is a string", "\"order.placed\"", StorefrontOrderEvent.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedPayloadsAreUndecodable(String why, String json, Class<?> type) {
        assertThatThrownBy(() -> EventJson.fromBytes(json.getBytes(StandardCharsets.UTF_8), type))
                .isInstanceOf(UndecodableEventException.class)
                .hasMessageContaining(type.getSimpleName());
        assertThatThrownBy(() -> EventJson.fromJson(json, type)).isInstanceOf(UndecodableEventException.class);
    }

    @Test
    void aMissingPayloadIsUndecodable() {
        assertThatThrownBy(() -> EventJson.fromBytes(null, RefundIssued.class)).isInstanceOf(UndecodableEventException.class);
        assertThatThrownBy(() -> EventJson.fromJson(null, RefundIssued.class)).isInstanceOf(UndecodableEventException.class);
    }
}
