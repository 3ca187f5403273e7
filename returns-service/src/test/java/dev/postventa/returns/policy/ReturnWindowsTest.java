package dev.postventa.returns.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postventa.returns.policy.ReturnWindows.Deadline;
import dev.postventa.returns.policy.ReturnWindows.Season;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Return windows per line: legal minimums, business days and holidays, category, season, the local day's end. */
class ReturnWindowsTest {

    private static final ZoneId MEXICO_CITY = ZoneId.of("America/Mexico_City");
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
    private static final HolidayCalendar BUILT_IN = HolidayCalendar.load(true, Map.of());
    private static final Season BUEN_FIN = new Season("buen-fin-2026", LocalDate.parse("2026-11-13"),
            LocalDate.parse("2026-11-16"), LocalDate.parse("2027-01-31"), Set.of("MX"));

    /** A shop whose own window (2 days) is shorter than every legal one, so the law decides. */
    private final ReturnWindows shortShop = windows(new WindowLength(2, false), Map.of(), List.of(), BUILT_IN);

    @Test
    void mexicanBusinessDaysSkipTheWeekendAndTheRevolutionHoliday() {
        // Delivered Thursday 2026-11-12: Fri 13 (1), weekend, Mon 16 is a holiday, Tue 17 .. Fri 20 (2..5).
        Deadline deadline = shortShop.deadline("MX", "apparel", local("2026-11-12T12:00", MEXICO_CITY), null);
        assertThat(deadline.lastDay()).isEqualTo(LocalDate.parse("2026-11-20"));
        assertThat(deadline.refusal()).isEqualTo(
                "the legal return window in MX (5 business days from delivery) closed on 2026-11-20");

        // Without the holiday calendar the fifth business day is the Thursday.
        ReturnWindows noHolidays = windows(new WindowLength(2, false), Map.of(), List.of(),
                HolidayCalendar.of(Map.of()));
        assertThat(noHolidays.deadline("MX", "apparel", local("2026-11-12T12:00", MEXICO_CITY), null).lastDay())
                .isEqualTo(LocalDate.parse("2026-11-19"));
    }

    @Test
    void eachCountrysLegalMinimumCountsFromTheDayAfterDelivery() {
        assertThat(shortShop.deadline("BR", null, local("2026-06-10T12:00", SAO_PAULO), null).refusal())
                .isEqualTo("the legal return window in BR (7 days from delivery) closed on 2026-06-17");
        assertThat(shortShop.deadline("ES", null, local("2026-06-10T12:00", MADRID), null).refusal())
                .isEqualTo("the legal return window in ES (14 days from delivery) closed on 2026-06-24");
        assertThat(shortShop.deadline("PT", null, local("2026-06-10T12:00", ZoneId.of("Europe/Lisbon")), null)
                .lastDay()).isEqualTo(LocalDate.parse("2026-06-24"));
        // Monday 2026-06-08: Tue .. Fri and the next Monday.
        assertThat(shortShop.deadline("MX", null, local("2026-06-08T12:00", MEXICO_CITY), null).lastDay())
                .isEqualTo(LocalDate.parse("2026-06-15"));
        // A country without a legal minimum gets the shop's window, counted in UTC.
        assertThat(shortShop.deadline("US", null, Instant.parse("2026-06-10T12:00:00Z"), null).refusal())
                .isEqualTo("the shop's return window (2 days from delivery) closed on 2026-06-12");
    }

    @Test
    void aCategoryWindowLongerThanTheLawWinsAndAShorterOneNeverUndercutsIt() {
        ReturnWindows shop = windows(new WindowLength(30, false),
                Map.of("electronics", new WindowLength(15, false), "clearance", new WindowLength(2, false)),
                List.of(), BUILT_IN);
        Instant delivered = local("2026-06-10T12:00", MADRID);
        assertThat(shop.deadline("ES", "electronics", delivered, null).refusal())
                .isEqualTo("the return window for electronics (15 days from delivery) closed on 2026-06-25");
        assertThat(shop.deadline("ES", "clearance", delivered, null).refusal())
                .isEqualTo("the legal return window in ES (14 days from delivery) closed on 2026-06-24");
        assertThat(shop.deadline("ES", "apparel", delivered, null).refusal())
                .isEqualTo("the shop's return window (30 days from delivery) closed on 2026-07-10");
    }

    @Test
    void aSeasonBeatsTheLawAndTheShopForOrdersPlacedInItsCountries() {
        ReturnWindows shop = windows(new WindowLength(30, false), Map.of(), List.of(BUEN_FIN), BUILT_IN);
        Instant delivered = local("2026-11-18T12:00", MEXICO_CITY);
        Deadline inSeason = shop.deadline("MX", "apparel", delivered, local("2026-11-16T23:30", MEXICO_CITY));
        assertThat(inSeason.refusal()).isEqualTo("the buen-fin-2026 return window (purchases from 2026-11-13 to "
                + "2026-11-16, returnable until 2027-01-31) closed on 2027-01-31");
        assertThat(inSeason.closesAt()).isEqualTo(local("2027-02-01T00:00", MEXICO_CITY));
        // 23:30 on the 16th in Mexico City is already the 17th in UTC: the season's days are local.
        assertThat(shop.deadline("MX", "apparel", delivered, local("2026-11-17T00:00", MEXICO_CITY)).rule())
                .startsWith("the shop's return window");
        assertThat(shop.deadline("ES", "apparel", delivered, local("2026-11-14T12:00", MADRID)).rule())
                .startsWith("the shop's return window");
        assertThat(shop.deadline("MX", "apparel", delivered, null).rule()).startsWith("the shop's return window");
    }

    @Test
    void aWindowClosesAtTheEndOfItsLastLocalDay() {
        Deadline deadline = shortShop.deadline("ES", null, local("2026-06-10T12:00", MADRID), null);
        // 2026-06-24 ends at midnight in Madrid (CEST, UTC+2).
        assertThat(deadline.closesAt()).isEqualTo(Instant.parse("2026-06-24T22:00:00Z"));
        assertThat(deadline.isOpenAt(Instant.parse("2026-06-24T21:59:59Z"))).isTrue();
        assertThat(deadline.isOpenAt(Instant.parse("2026-06-24T22:00:00Z"))).isFalse();

        // Delivered at 23:30 in Mexico City (05:30 UTC the next day): the day of delivery is the local one.
        Deadline lateEvening = shortShop.deadline("MX", null, local("2026-06-08T23:30", MEXICO_CITY), null);
        assertThat(lateEvening.lastDay()).isEqualTo(LocalDate.parse("2026-06-15"));
        assertThat(lateEvening.closesAt()).isEqualTo(Instant.parse("2026-06-16T06:00:00Z"));
    }

    @Test
    void windowLengthsAreCalendarOrBusinessDays() {
        assertThat(WindowLength.parse("5bd")).isEqualTo(new WindowLength(5, true));
        assertThat(WindowLength.parse("14d")).isEqualTo(new WindowLength(14, false));
        assertThat(WindowLength.parse("1d").describe()).isEqualTo("1 day");
        assertThatThrownBy(() -> WindowLength.parse("2 weeks")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 weeks");
        assertThat(WindowLength.ofDuration(Duration.ofDays(30))).isEqualTo(new WindowLength(30, false));
        assertThat(WindowLength.ofDuration(Duration.ofHours(36))).isEqualTo(new WindowLength(2, false));
    }

    @Test
    void theBuiltInCalendarsAreNationalAndConfigurationAddsDays() {
        assertThat(BUILT_IN.isHoliday("MX", LocalDate.parse("2026-11-16"))).isTrue();
        assertThat(BUILT_IN.isHoliday("BR", LocalDate.parse("2026-11-20"))).isTrue();
        assertThat(BUILT_IN.isHoliday("ES", LocalDate.parse("2027-01-06"))).isTrue();
        assertThat(BUILT_IN.isHoliday("MX", LocalDate.parse("2026-12-12"))).isFalse();
        HolidayCalendar extended = HolidayCalendar.load(true, Map.of("MX", "2026-12-12, 2027-12-12"));
        assertThat(extended.isHoliday("MX", LocalDate.parse("2026-12-12"))).isTrue();
        assertThat(extended.isHoliday("MX", LocalDate.parse("2026-11-16"))).isTrue();
        HolidayCalendar onlyConfigured = HolidayCalendar.load(false, Map.of("MX", "2026-12-12"));
        assertThat(onlyConfigured.isHoliday("MX", LocalDate.parse("2026-11-16"))).isFalse();
        assertThat(onlyConfigured.isBusinessDay("MX", LocalDate.parse("2026-11-14"))).isFalse();
    }

    private static ReturnWindows windows(WindowLength defaultWindow, Map<String, WindowLength> categories,
                                         List<Season> seasons, HolidayCalendar holidays) {
        return new ReturnWindows(ReturnWindows.LEGAL_DEFAULTS, categories, defaultWindow, seasons, Map.of(), holidays);
    }

    private static Instant local(String dateTime, ZoneId zone) {
        return LocalDateTime.parse(dateTime).atZone(zone).toInstant();
    }
}
