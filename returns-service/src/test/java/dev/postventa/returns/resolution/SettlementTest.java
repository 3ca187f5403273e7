package dev.postventa.returns.resolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postventa.events.Money;
import dev.postventa.events.ReturnedLine;
import dev.postventa.events.returns.InspectedLine;
import dev.postventa.events.returns.ResolvedLine;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a return's lines and their inspection become amounts paid back, line by line and in total. */
class SettlementTest {

    private static final Money SHIRT = Money.of("499.90", "MXN");

    @Test
    void aRefundLinePaysBackTheAcceptedUnitsLessTheFee() {
        ReturnedLine line = line("L1", 2, ReturnedLine.REFUND, null, null, null);

        Settlement settled = Settlement.settle(List.of(line),
                Map.of("L1", inspected("L1", 2, 1, InspectedLine.DAMAGED, "75.00")), false);

        assertThat(settled.lines()).singleElement().satisfies(l -> {
            assertThat(l.acceptedQuantity()).isEqualTo(1);
            assertThat(l.resolution()).isEqualTo(ReturnedLine.REFUND);
            assertThat(l.restockingFee()).isEqualTo(Money.of("75.00", "MXN"));
            assertThat(l.amount()).isEqualTo(Money.of("424.90", "MXN"));
            assertThat(l.settledAs()).isEqualTo(ReturnedLine.REFUND);
        });
        assertThat(settled.refundAmount()).isEqualTo(Money.of("424.90", "MXN"));
        assertThat(settled.creditAmount()).isEqualTo(Money.of("0.00", "MXN"));
        assertThat(settled.restockingFees()).isEqualTo(Money.of("75.00", "MXN"));
        assertThat(settled.fallbacks()).isEmpty();
    }

    @Test
    void creditAndRefundLinesAreSummedSeparately() {
        Settlement settled = Settlement.settle(List.of(
                        line("L1", 2, ReturnedLine.STORE_CREDIT, null, null, null),
                        line("L2", 1, ReturnedLine.REFUND, null, null, null)),
                Map.of("L1", inspected("L1", 2, 2, InspectedLine.RESELLABLE, "0.00"),
                        "L2", inspected("L2", 1, 1, InspectedLine.RESELLABLE, "0.00")), false);

        assertThat(settled.creditAmount()).isEqualTo(Money.of("999.80", "MXN"));
        assertThat(settled.refundAmount()).isEqualTo(Money.of("499.90", "MXN"));
        assertThat(settled.lines()).extracting(ResolvedLine::settledAs)
                .containsExactly(ReturnedLine.STORE_CREDIT, ReturnedLine.REFUND);
    }

    @Test
    void anExchangeWithAReservationShipsAndPaysBackTheDifferenceOfACheaperReplacementByItsFallback() {
        ReturnedLine line = line("L1", 2, ReturnedLine.EXCHANGE, ReturnedLine.STORE_CREDIT,
                Money.of("399.90", "MXN"), "res-1");

        Settlement settled = Settlement.settle(List.of(line),
                Map.of("L1", inspected("L1", 2, 2, InspectedLine.RESELLABLE, "0.00")), false);

        assertThat(settled.lines()).singleElement().satisfies(l -> {
            assertThat(l.resolution()).isEqualTo(ReturnedLine.EXCHANGE);
            assertThat(l.replacementSku()).isEqualTo("SKU-NEW");
            assertThat(l.amount()).isEqualTo(Money.of("200.00", "MXN"));
            assertThat(l.settledAs()).isEqualTo(ReturnedLine.STORE_CREDIT);
        });
        assertThat(settled.creditAmount()).isEqualTo(Money.of("200.00", "MXN"));
        assertThat(settled.fallbacks()).isEmpty();
    }

    @Test
    void aDearerReplacementPaysNothingBackAndAFeeNeverTakesMoreThanTheLinePays() {
        ReturnedLine dearer = line("L1", 1, ReturnedLine.EXCHANGE, ReturnedLine.REFUND, Money.of("599.90", "MXN"),
                "res-1");
        ReturnedLine cheaper = line("L2", 1, ReturnedLine.EXCHANGE, ReturnedLine.REFUND, Money.of("489.90", "MXN"),
                "res-2");

        Settlement settled = Settlement.settle(List.of(dearer, cheaper),
                Map.of("L1", inspected("L1", 1, 1, InspectedLine.RESELLABLE, "0.00"),
                        "L2", inspected("L2", 1, 1, InspectedLine.DAMAGED, "74.99")), false);

        assertThat(settled.lines().get(0).amount()).isEqualTo(Money.of("0.00", "MXN"));
        assertThat(settled.lines().get(1).restockingFee()).isEqualTo(Money.of("10.00", "MXN"));
        assertThat(settled.lines().get(1).amount()).isEqualTo(Money.of("0.00", "MXN"));
        assertThat(settled.refundAmount()).isEqualTo(Money.of("0.00", "MXN"));
        assertThat(settled.restockingFees()).isEqualTo(Money.of("10.00", "MXN"));
    }

    @Test
    void anExchangeWithoutAReservationAtSettlementFallsBackAndSaysWhy() {
        ReturnedLine line = line("L1", 1, ReturnedLine.EXCHANGE, ReturnedLine.STORE_CREDIT, Money.of("399.90", "MXN"),
                null);

        Settlement settled = Settlement.settle(List.of(line),
                Map.of("L1", inspected("L1", 1, 1, InspectedLine.RESELLABLE, "0.00")), false);

        assertThat(settled.lines()).singleElement().satisfies(l -> {
            assertThat(l.resolution()).isEqualTo(ReturnedLine.STORE_CREDIT);
            assertThat(l.replacementSku()).isNull();
            assertThat(l.amount()).isEqualTo(Money.of("499.90", "MXN"));
        });
        assertThat(settled.creditAmount()).isEqualTo(Money.of("499.90", "MXN"));
        assertThat(settled.fallbacks()).containsExactly(new Settlement.Fallback("L1", "SKU-NEW",
                ReturnedLine.STORE_CREDIT, Settlement.NO_RESERVATION));
    }

    @Test
    void anExchangeWithNothingAcceptedDoesNotShipAndPaysNothing() {
        ReturnedLine line = line("L1", 1, ReturnedLine.EXCHANGE, ReturnedLine.REFUND, Money.of("399.90", "MXN"),
                "res-1");

        Settlement settled = Settlement.settle(List.of(line),
                Map.of("L1", inspected("L1", 1, 0, InspectedLine.MISSING, "0.00")), false);

        assertThat(settled.lines()).singleElement().satisfies(l -> {
            assertThat(l.resolution()).isEqualTo(ReturnedLine.REFUND);
            assertThat(l.amount()).isEqualTo(Money.of("0.00", "MXN"));
        });
        assertThat(settled.fallbacks()).extracting(Settlement.Fallback::reason)
                .containsExactly(Settlement.NOTHING_ACCEPTED);
    }

    @Test
    void keptLinesSettleEveryUnitWithoutInspectionOrFee() {
        ReturnedLine kept = keptLine("L1", 2);
        ReturnedLine shipped = line("L2", 1, ReturnedLine.REFUND, null, null, null);

        Settlement settled = Settlement.settle(List.of(kept, shipped),
                Map.of("L2", inspected("L2", 1, 0, InspectedLine.WRONG_ITEM, "0.00")), false);

        assertThat(settled.lines()).extracting(ResolvedLine::acceptedQuantity).containsExactly(2, 0);
        assertThat(settled.refundAmount()).isEqualTo(Money.of("999.80", "MXN"));
    }

    @Test
    void aShippedLineWithoutInspectionCannotBeSettled() {
        assertThatThrownBy(() -> Settlement.settle(List.of(line("L1", 1, ReturnedLine.REFUND, null, null, null)),
                Map.of(), false)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("L1");
    }

    private static ReturnedLine line(String lineId, int quantity, String resolution, String fallback,
                                     Money replacementPrice, String reservation) {
        boolean exchange = ReturnedLine.EXCHANGE.equals(resolution);
        return new ReturnedLine(lineId, "SKU-" + lineId, "Camisa", quantity, SHIRT, "DAMAGED", "apparel", resolution,
                fallback, exchange ? "SKU-NEW" : null, replacementPrice, reservation, false);
    }

    private static ReturnedLine keptLine(String lineId, int quantity) {
        return new ReturnedLine(lineId, "SKU-" + lineId, "Camisa", quantity, SHIRT, "DAMAGED", "apparel",
                ReturnedLine.REFUND, null, null, null, null, true);
    }

    private static InspectedLine inspected(String lineId, int expected, int accepted, String grade, String fee) {
        return new InspectedLine(lineId, "SKU-" + lineId, "Camisa", expected, accepted, grade, null,
                Money.of(fee, "MXN"));
    }
}
