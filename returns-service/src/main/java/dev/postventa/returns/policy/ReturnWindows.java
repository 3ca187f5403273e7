package dev.postventa.returns.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Until when a line of an order may be returned: the latest of the legal minimum of the shipping country (from
 * delivery), the merchant's window for the line's category or else the default window (from delivery), and a season
 * the order was placed in (until its fixed date). Each window closes at the end of its last day in the country's
 * time zone.
 *
 * <p>Whose clock: {@code deliveredAt} and {@code placedAt} are the storefront's times (the order contract); the moment
 * of the request that is compared with the deadline is returns-service's clock. They are compared only at day
 * granularity in the country's zone, so a skew of minutes matters only at midnight there.
 */
public final class ReturnWindows {

    /** EU member states: 14 calendar days from delivery (Directive 2011/83/EU, art. 9). */
    static final Set<String> EU = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR",
            "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");

    /**
     * Built-in legal minimums: BR 7 days from receipt for purchases outside the store (CDC art. 49, all
     * e-commerce), MX 5 business days from delivery (LFPC art. 56), EU 14 days from delivery.
     */
    public static final Map<String, WindowLength> LEGAL_DEFAULTS;

    /** Each country's main time zone, where its days begin and end. */
    static final Map<String, ZoneId> ZONE_DEFAULTS = Map.ofEntries(
            Map.entry("MX", ZoneId.of("America/Mexico_City")), Map.entry("BR", ZoneId.of("America/Sao_Paulo")),
            Map.entry("ES", ZoneId.of("Europe/Madrid")), Map.entry("PT", ZoneId.of("Europe/Lisbon")),
            Map.entry("FR", ZoneId.of("Europe/Paris")), Map.entry("DE", ZoneId.of("Europe/Berlin")),
            Map.entry("IT", ZoneId.of("Europe/Rome")), Map.entry("AT", ZoneId.of("Europe/Vienna")),
            Map.entry("BE", ZoneId.of("Europe/Brussels")), Map.entry("BG", ZoneId.of("Europe/Sofia")),
            Map.entry("HR", ZoneId.of("Europe/Zagreb")), Map.entry("CY", ZoneId.of("Asia/Nicosia")),
            Map.entry("CZ", ZoneId.of("Europe/Prague")), Map.entry("DK", ZoneId.of("Europe/Copenhagen")),
            Map.entry("EE", ZoneId.of("Europe/Tallinn")), Map.entry("FI", ZoneId.of("Europe/Helsinki")),
            Map.entry("GR", ZoneId.of("Europe/Athens")), Map.entry("HU", ZoneId.of("Europe/Budapest")),
            Map.entry("IE", ZoneId.of("Europe/Dublin")), Map.entry("LV", ZoneId.of("Europe/Riga")),
            Map.entry("LT", ZoneId.of("Europe/Vilnius")), Map.entry("LU", ZoneId.of("Europe/Luxembourg")),
            Map.entry("MT", ZoneId.of("Europe/Malta")), Map.entry("NL", ZoneId.of("Europe/Amsterdam")),
            Map.entry("PL", ZoneId.of("Europe/Warsaw")), Map.entry("RO", ZoneId.of("Europe/Bucharest")),
            Map.entry("SK", ZoneId.of("Europe/Bratislava")), Map.entry("SI", ZoneId.of("Europe/Ljubljana")),
            Map.entry("SE", ZoneId.of("Europe/Stockholm")));

    static {
        Map<String, WindowLength> legal = new HashMap<>();
        EU.forEach(country -> legal.put(country, new WindowLength(14, false)));
        legal.put("BR", new WindowLength(7, false));
        legal.put("MX", new WindowLength(5, true));
        LEGAL_DEFAULTS = Map.copyOf(legal);
    }

    /** A seasonal window: orders placed in {@code [placedFrom, placedTo]} returnable until {@code returnableUntil}. */
    public record Season(String name, LocalDate placedFrom, LocalDate placedTo, LocalDate returnableUntil,
                         Set<String> countries) {

        boolean covers(String country, LocalDate placed) {
            return (countries.isEmpty() || countries.contains(country))
                    && !placed.isBefore(placedFrom) && !placed.isAfter(placedTo);
        }
    }

    /**
     * When a line's return window closes.
     *
     * @param lastDay the last local day a return may be asked for
     * @param closesAt the first instant after it (the start of the next local day)
     * @param rule the window that gave the date, e.g. "the legal return window in MX (5 business days from delivery)"
     */
    public record Deadline(LocalDate lastDay, Instant closesAt, String rule) {

        public boolean isOpenAt(Instant now) {
            return now.isBefore(closesAt);
        }

        /** What a refused customer reads: the rule and the date it closed. */
        public String refusal() {
            return rule + " closed on " + lastDay;
        }
    }

    private final Map<String, WindowLength> legal;
    private final Map<String, WindowLength> categories;
    private final WindowLength defaultWindow;
    private final List<Season> seasons;
    private final Map<String, ZoneId> zones;
    private final HolidayCalendar holidays;

    /**
     * @param legal legal minimums per country (merged over {@link #LEGAL_DEFAULTS} by the caller)
     * @param zones time zones per country (merged over the built-in ones here); other countries count in UTC
     */
    public ReturnWindows(Map<String, WindowLength> legal, Map<String, WindowLength> categories,
                         WindowLength defaultWindow, List<Season> seasons, Map<String, ZoneId> zones,
                         HolidayCalendar holidays) {
        this.legal = Map.copyOf(legal);
        this.categories = Map.copyOf(categories);
        this.defaultWindow = defaultWindow;
        this.seasons = List.copyOf(seasons);
        Map<String, ZoneId> merged = new HashMap<>(ZONE_DEFAULTS);
        merged.putAll(zones);
        this.zones = Map.copyOf(merged);
        this.holidays = holidays;
    }

    public ZoneId zone(String country) {
        return zones.getOrDefault(country, ZoneOffset.UTC);
    }

    /**
     * The latest deadline for a line of {@code category} of an order shipped to {@code country}, delivered at
     * {@code deliveredAt} and placed at {@code placedAt} (null when the storefront did not say: no season applies).
     * On a tie the first of legal, merchant, season is named.
     */
    public Deadline deadline(String country, String category, Instant deliveredAt, Instant placedAt) {
        ZoneId zone = zone(country);
        LocalDate delivered = deliveredAt.atZone(zone).toLocalDate();
        List<Deadline> candidates = new ArrayList<>();
        WindowLength legalWindow = legal.get(country);
        if (legalWindow != null) {
            candidates.add(close(lastDay(delivered, legalWindow, country), zone,
                    "the legal return window in " + country + " (" + legalWindow.describe() + " from delivery)"));
        }
        WindowLength categoryWindow = category == null ? null : categories.get(category);
        if (categoryWindow != null) {
            candidates.add(close(lastDay(delivered, categoryWindow, country), zone,
                    "the return window for " + category + " (" + categoryWindow.describe() + " from delivery)"));
        } else {
            candidates.add(close(lastDay(delivered, defaultWindow, country), zone,
                    "the shop's return window (" + defaultWindow.describe() + " from delivery)"));
        }
        if (placedAt != null) {
            LocalDate placed = placedAt.atZone(zone).toLocalDate();
            for (Season season : seasons) {
                if (season.covers(country, placed)) {
                    candidates.add(close(season.returnableUntil(), zone, "the " + season.name()
                            + " return window (purchases from " + season.placedFrom() + " to " + season.placedTo()
                            + ", returnable until " + season.returnableUntil() + ")"));
                }
            }
        }
        Deadline latest = candidates.get(0);
        for (Deadline candidate : candidates) {
            if (candidate.lastDay().isAfter(latest.lastDay())) {
                latest = candidate;
            }
        }
        return latest;
    }

    /** The last day of a window of {@code length} that starts the day after {@code delivered}. */
    LocalDate lastDay(LocalDate delivered, WindowLength length, String country) {
        if (!length.businessDays()) {
            return delivered.plusDays(length.days());
        }
        LocalDate day = delivered;
        for (int counted = 0; counted < length.days(); ) {
            day = day.plusDays(1);
            if (holidays.isBusinessDay(country, day)) {
                counted++;
            }
        }
        return day;
    }

    private static Deadline close(LocalDate lastDay, ZoneId zone, String rule) {
        return new Deadline(lastDay, lastDay.plusDays(1).atStartOfDay(zone).toInstant(), rule);
    }
}
