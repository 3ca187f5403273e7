package dev.postventa.returns.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postventa.events.Money;
import dev.postventa.events.ReturnedLine;
import dev.postventa.events.storefront.OrderLine;
import dev.postventa.events.storefront.StorefrontOrder;
import dev.postventa.events.storefront.StorefrontOrderEvent;
import dev.postventa.returns.orders.OrderSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ship-by time of an approval: latest window close of the lines shipped back, plus grace; kept lines do not count. */
class ReturnShipByTest {

    static final ZoneId MEXICO = ZoneId.of("America/Mexico_City");
    static final Instant DELIVERED = Instant.parse("2026-03-07T18:00:00Z");
    static final Duration GRACE = Duration.ofDays(7);

    // Apparel has a 60-day window, everything else the shop's 30 days (both longer than Mexico's 5 business days).
    final ReturnShipBy shipBy = new ReturnShipBy(new ReturnWindows(ReturnWindows.LEGAL_DEFAULTS,
            Map.of("apparel", new WindowLength(60, false)), new WindowLength(30, false), List.of(), Map.of(),
            HolidayCalendar.of(Map.of())), () -> GRACE);

    @Test
    void theLatestWindowOfTheLinesShippedBackPlusTheGrace() {
        assertThat(shipBy.of(order(), List.of(line("L1", false), line("L2", false))))
                .isEqualTo(closeOf(60).plus(GRACE));
    }

    @Test
    void aKeptLineDoesNotCount() {
        assertThat(shipBy.of(order(), List.of(line("L1", true), line("L2", false))))
                .isEqualTo(closeOf(30).plus(GRACE));
    }

    @Test
    void noneWhenEveryLineIsKept() {
        assertThat(shipBy.of(order(), List.of(line("L1", true), line("L2", true)))).isNull();
    }

    /** The end of the last local day of a window of {@code days} from delivery, in Mexico City. */
    private static Instant closeOf(int days) {
        LocalDate lastDay = DELIVERED.atZone(MEXICO).toLocalDate().plusDays(days);
        return lastDay.plusDays(1).atStartOfDay(MEXICO).toInstant();
    }

    private static OrderSnapshot order() {
        StorefrontOrder order = new StorefrontOrder("MX-1", "cust-1", "ana@example.mx", "es-MX", "MX", "MXN", List.of(
                new OrderLine("L1", "SKU-1", "Camisa", "apparel", 1, Money.of("499.90", "MXN"), false),
                new OrderLine("L2", "SKU-2", "Tenis", "footwear", 1, Money.of("1299.00", "MXN"), false)),
                DELIVERED.minus(Duration.ofDays(3)), DELIVERED, null);
        return OrderSnapshot.from(new StorefrontOrderEvent("e-1", StorefrontOrderEvent.ORDER_DELIVERED,
                DELIVERED, order));
    }

    private static ReturnedLine line(String lineId, boolean kept) {
        return new ReturnedLine(lineId, "SKU", "Item", 1, Money.of("99.00", "MXN"), "DAMAGED", null,
                ReturnedLine.REFUND, null, null, null, null, kept);
    }
}
