package dev.postventa.returns.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postventa.events.Money;
import dev.postventa.events.storefront.InventoryLevel;
import dev.postventa.events.storefront.OrderLine;
import dev.postventa.events.storefront.StorefrontOrder;
import dev.postventa.events.storefront.StorefrontOrderEvent;
import dev.postventa.returns.inventory.StockLevel;
import dev.postventa.returns.orders.OrderSnapshot;
import dev.postventa.returns.request.CreateReturnRequest;
import dev.postventa.returns.request.CreateReturnRequest.Fallback;
import dev.postventa.returns.request.CreateReturnRequest.RequestedLine;
import dev.postventa.returns.request.CreateReturnRequest.Resolution;
import dev.postventa.returns.request.ReasonCode;
import dev.postventa.support.problem.Problem.FieldViolation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The resolution rules of a request's lines and the inventory read model's ordering rule, without a database. */
class ExchangeChoicesTest {

    private static final Instant T = Instant.parse("2026-03-10T12:00:00Z");

    @Test
    void anExchangeMustNameItsReplacementAndFallbackAndOnlyAnExchangeMay() {
        CreateReturnRequest request = request(
                new RequestedLine("L1", 1, ReasonCode.DAMAGED, Resolution.EXCHANGE, null, null),
                new RequestedLine("L2", 1, ReasonCode.DAMAGED, Resolution.REFUND, "SKU-X", Fallback.REFUND),
                new RequestedLine("L3", 1, ReasonCode.DAMAGED));

        assertThat(ExchangeChoices.incomplete(request)).extracting(FieldViolation::field).containsExactly(
                "lines[0].replacementSku", "lines[0].fallback", "lines[1].replacementSku", "lines[1].fallback");
    }

    @Test
    void aRequestWithoutResolutionsKeepsTheIdempotencyFingerprintItHadBeforeThem() {
        // POST /returns fingerprints the body's JSON: absent resolution fields must not appear in it as nulls.
        assertThat(dev.postventa.events.EventJson.toJson(new RequestedLine("L1", 1, ReasonCode.DAMAGED)))
                .isEqualTo("{\"lineId\":\"L1\",\"quantity\":1,\"reason\":\"DAMAGED\"}");
    }

    @Test
    void aReplacementMustBeKnownInStockForEveryUnitSameCurrencyAndNotDearerUnlessAllowed() {
        Map<String, StockLevel> levels = Map.of(
                "ONE-LEFT", level("ONE-LEFT", 1, Money.of("499.90", "MXN")),
                "IN-EUR", level("IN-EUR", 9, Money.of("20.00", "EUR")),
                "DEARER", level("DEARER", 9, Money.of("549.90", "MXN")),
                "CHEAPER", level("CHEAPER", 9, Money.of("449.9", "MXN")));
        CreateReturnRequest request = request(exchange("NOPE"), exchange("ONE-LEFT"), exchange("IN-EUR"),
                exchange("DEARER"), exchange("CHEAPER"));

        ExchangeChoices.Checked refused = ExchangeChoices.check(order(), request, levels, false);
        assertThat(refused.violations()).extracting(FieldViolation::field).containsExactly(
                "lines[0].replacementSku", "lines[1].replacementSku", "lines[2].replacementSku",
                "lines[3].replacementSku");
        assertThat(refused.violations()).extracting(FieldViolation::message).satisfiesExactly(
                m -> assertThat(m).contains("not sold"), m -> assertThat(m).contains("out of stock"),
                m -> assertThat(m).contains("priced in EUR"), m -> assertThat(m).contains("more than"));
        assertThat(refused.replacementPrices()).containsOnlyKeys("L5");
        assertThat(refused.replacementPrices().get("L5")).isEqualTo(Money.of("449.90", "MXN"));

        ExchangeChoices.Checked allowed = ExchangeChoices.check(order(), request(exchange("DEARER")), levels, true);
        assertThat(allowed.violations()).isEmpty();
        assertThat(ExchangeChoices.differenceToPay(Money.of("499.90", "MXN"), allowed.replacementPrices().get("L1"), 2))
                .isEqualTo(Money.of("100.00", "MXN"));
        assertThat(ExchangeChoices.differenceToPay(Money.of("499.90", "MXN"), Money.of("449.90", "MXN"), 2))
                .isEqualTo(Money.of("0.00", "MXN"));
    }

    @Test
    void aLevelNotLaterThanTheKeptOneIsIgnored() {
        StockLevel kept = StockLevel.from(inventory("SKU-1", 5, T), T);

        assertThat(kept.take(inventory("SKU-1", 0, T.minusSeconds(1)), T)).isFalse();
        assertThat(kept.take(inventory("SKU-1", 0, T), T)).isFalse();
        assertThat(kept.available).isEqualTo(5);
        assertThat(kept.take(inventory("SKU-1", 3, T.plusSeconds(1)), T)).isTrue();
        assertThat(kept.available).isEqualTo(3);
    }

    private static RequestedLine exchange(String sku) {
        return new RequestedLine(null, 2, ReasonCode.SIZE_TOO_SMALL, Resolution.EXCHANGE, sku, Fallback.REFUND);
    }

    /** A request of these lines, numbered L1, L2, ... when they name no line. */
    private static CreateReturnRequest request(RequestedLine... lines) {
        List<RequestedLine> numbered = new java.util.ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            RequestedLine l = lines[i];
            numbered.add(l.lineId() != null ? l : new RequestedLine("L" + (i + 1), l.quantity(), l.reason(),
                    l.resolution(), l.replacementSku(), l.fallback()));
        }
        return new CreateReturnRequest("MX-1", numbered, null);
    }

    private static OrderSnapshot order() {
        List<OrderLine> lines = new java.util.ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            lines.add(new OrderLine("L" + i, "SKU-" + i, "Camisa", "apparel", 2, Money.of("499.90", "MXN"), false));
        }
        StorefrontOrder order = new StorefrontOrder("MX-1", "cust-1", "ana@example.mx", "es-MX", "MX", "MXN", lines,
                T.minusSeconds(86_400 * 5), T.minusSeconds(86_400 * 3), null);
        return OrderSnapshot.from(new StorefrontOrderEvent("e-1", StorefrontOrderEvent.ORDER_DELIVERED,
                order.deliveredAt(), order));
    }

    private static StockLevel level(String sku, int available, Money price) {
        return StockLevel.from(new InventoryLevel("e-" + sku, sku, "P-1", sku, available, price, T), T);
    }

    private static InventoryLevel inventory(String sku, int available, Instant at) {
        return new InventoryLevel("e-" + at, sku, "P-1", sku, available, Money.of("10.00", "MXN"), at);
    }
}
