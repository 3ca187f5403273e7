package dev.postventa.returns.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.postventa.events.Money;
import dev.postventa.events.storefront.OrderLine;
import dev.postventa.events.storefront.StorefrontOrder;
import dev.postventa.events.storefront.StorefrontOrderEvent;
import dev.postventa.infra.PostventaTestResource;
import dev.postventa.returns.ReturnsTestSupport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The legal minimum of the shipping country keeps a return open when the shop's own window for the line's category
 * ({@code clearance}: 2 days in the test configuration) has closed: Mexico's 5 business days (weekends and holidays
 * skipped) and Spain's 14 calendar days, through the API on orders from {@code storefront.orders}.
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "returns"))
class LegalReturnWindowsTest extends ReturnsTestSupport {

    private static final ZoneId MEXICO_CITY = ZoneId.of("America/Mexico_City");
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final HolidayCalendar MX_NATIONAL = HolidayCalendar.load(true, Map.of());

    @Test
    void aMexicanReturnIsOpenForFiveBusinessDaysSkippingAHolidayAndClosedJustAfter() {
        LocalDate today = LocalDate.now(MEXICO_CITY);
        // The last weekday before today becomes a holiday: the window of the order below spans it and a weekend.
        LocalDate holiday = today.minusDays(1);
        while (!MX_NATIONAL.isBusinessDay("MX", holiday)) {
            holiday = holiday.minusDays(1);
        }
        TestHolidays.add("MX", holiday);
        try {
            // The earliest delivery day whose 5th business day is today or later, counted here on its own.
            LocalDate open = today;
            while (!lastBusinessDay(open.minusDays(1), holiday).isBefore(today)) {
                open = open.minusDays(1);
            }
            LocalDate justPast = open.minusDays(1);
            assertThat(holiday).isAfter(open);

            String openOrder = deliveredClearance("MX", "MXN", open, MEXICO_CITY);
            postReturn(returnBody(openOrder, "C1", 1, "CHANGED_MIND"), null)
                    .statusCode(201)
                    .body("status", equalTo("APPROVED"));

            String closedOrder = deliveredClearance("MX", "MXN", justPast, MEXICO_CITY);
            postReturn(returnBody(closedOrder, "C1", 1, "CHANGED_MIND"), null)
                    .statusCode(422)
                    .contentType(startsWith("application/problem+json"))
                    .body("violations.field", equalTo(List.of("lines[0].lineId")))
                    .body("violations[0].message", equalTo("the legal return window in MX (5 business days from "
                            + "delivery) closed on " + lastBusinessDay(justPast, holiday)));
            assertThat(count("select count(*) from return_request where order_id = ?", closedOrder)).isZero();
        } finally {
            TestHolidays.remove("MX", holiday);
        }
    }

    @Test
    void aSpanishReturnIsOpenOnDayThirteenOfFourteenAndClosedOnDayFifteen() {
        LocalDate today = LocalDate.now(MADRID);
        String dayThirteen = deliveredClearance("ES", "EUR", today.minusDays(13), MADRID);
        postReturn(returnBody(dayThirteen, "C1", 1, "CHANGED_MIND"), null)
                .statusCode(201)
                .body("status", equalTo("APPROVED"));

        String dayFifteen = deliveredClearance("ES", "EUR", today.minusDays(15), MADRID);
        postReturn(returnBody(dayFifteen, "C1", 1, "CHANGED_MIND"), null)
                .statusCode(422)
                .body("violations[0].field", equalTo("lines[0].lineId"))
                .body("violations[0].message", equalTo("the legal return window in ES (14 days from delivery) "
                        + "closed on " + today.minusDays(1)));
    }

    /** The 5th Mexican business day after {@code delivered}: no weekend, national holiday or {@code holiday}. */
    private static LocalDate lastBusinessDay(LocalDate delivered, LocalDate holiday) {
        LocalDate day = delivered;
        for (int counted = 0; counted < 5; ) {
            day = day.plusDays(1);
            if (MX_NATIONAL.isBusinessDay("MX", day) && !day.equals(holiday)) {
                counted++;
            }
        }
        return day;
    }

    /** A delivered order of one clearance line (line {@code C1}), delivered at noon of {@code day} where it shipped. */
    private static String deliveredClearance(String country, String currency, LocalDate day, ZoneId zone) {
        String orderId = country + "-" + UUID.randomUUID().toString().substring(0, 8);
        Instant delivered = day.atTime(LocalTime.NOON).atZone(zone).toInstant();
        Instant placed = day.minusDays(2).atTime(LocalTime.NOON).atZone(zone).toInstant();
        StorefrontOrder order = new StorefrontOrder(orderId, "cust-" + orderId, orderId + "@example.com", null,
                country, currency, List.of(new OrderLine("C1", "SKU-CLEAR", "Liquidación", "clearance", 1,
                        Money.of("300.00", currency), false)), placed, delivered, null);
        publish(new StorefrontOrderEvent(UUID.randomUUID().toString(), StorefrontOrderEvent.ORDER_DELIVERED, delivered,
                order));
        awaitOrder(orderId, true);
        return orderId;
    }
}
