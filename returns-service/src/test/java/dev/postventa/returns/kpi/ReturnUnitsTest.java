package dev.postventa.returns.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postventa.events.Money;
import dev.postventa.events.ReturnedLine;
import dev.postventa.events.storefront.OrderLine;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The units a return adds to {@code postventa_return_units_total}, per reason and the order line's category. */
class ReturnUnitsTest {

    private static final Money PRICE = Money.of("10.00", "MXN");
    private static final List<OrderLine> ORDER = List.of(
            new OrderLine("L1", "SKU-1", "Camisa", "apparel", 5, PRICE, false),
            new OrderLine("L2", "SKU-2", "Camiseta", "apparel", 5, PRICE, false),
            new OrderLine("L3", "SKU-3", "Sin categoría", null, 5, PRICE, false));

    @Test
    void linesOfOneReasonAndCategoryAddUp() {
        assertThat(ReturnUnits.of(List.of(line("L1", 2, "SIZE_TOO_SMALL"), line("L2", 1, "SIZE_TOO_SMALL"),
                line("L2", 1, "DEFECTIVE")), ORDER)).containsExactly(
                new ReturnUnits("SIZE_TOO_SMALL", "apparel", 3), new ReturnUnits("DEFECTIVE", "apparel", 1));
    }

    @Test
    void aLineWithoutCategoryOrNotInTheOrderIsUnknown() {
        assertThat(ReturnUnits.of(List.of(line("L3", 2, "OTHER"), line("L9", 1, "OTHER")), ORDER))
                .containsExactly(new ReturnUnits("OTHER", "unknown", 3));
        assertThat(ReturnUnits.of(List.of(line("L1", 1, "OTHER")), List.of()))
                .containsExactly(new ReturnUnits("OTHER", "unknown", 1));
    }

    @Test
    void soldUnitsArePerCategory() {
        assertThat(ReturnUnits.soldByCategory(ORDER)).isEqualTo(Map.of("apparel", 10, "unknown", 5));
    }

    private static ReturnedLine line(String lineId, int quantity, String reason) {
        return new ReturnedLine(lineId, "SKU", "x", quantity, PRICE, reason);
    }
}
