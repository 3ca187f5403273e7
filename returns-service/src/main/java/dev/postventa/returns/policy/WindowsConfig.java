package dev.postventa.returns.policy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Return windows beyond the shop's default ({@code postventa.returns.window}): legal minimums per shipping country,
 * the merchant's windows per category, seasonal windows, the countries' time zones and holidays. A length is
 * {@code <n>d} (calendar days) or {@code <n>bd} (business days), counted from the day after delivery; a window closes
 * at the end of its last day in the country's time zone.
 */
@ConfigMapping(prefix = "postventa.windows")
public interface WindowsConfig {

    /**
     * Legal minimum per shipping country (ISO 3166 alpha-2 → length), added to or replacing the built-in ones
     * ({@link ReturnWindows#LEGAL_DEFAULTS}: BR 7d, MX 5bd, the 27 EU countries 14d).
     */
    Map<String, String> legal();

    /** The merchant's window per storefront category (e.g. {@code electronics → 15d}) instead of the default. */
    Map<String, String> category();

    /** Time zone per country (e.g. {@code MX → America/Mexico_City}), added to or replacing the built-in ones. */
    Map<String, String> zone();

    /** Extra public holidays per country: comma-separated ISO dates, added to the built-in calendar. */
    Map<String, String> holidays();

    /** Use the built-in national holiday calendars of MX, BR and ES (2026, 2027); false: only the configured ones. */
    @WithDefault("true")
    boolean builtinHolidays();

    /** Seasonal windows by name (e.g. {@code buen-fin-2026}). */
    Map<String, Season> season();

    /** Orders placed from {@code placedFrom} to {@code placedTo} (local dates, inclusive) may be returned until
     * the end of {@code returnableUntil}. */
    interface Season {

        /** First local day (in the shipping country's time zone) of the purchases the season covers. */
        LocalDate placedFrom();

        /** Last local day of the purchases the season covers. */
        LocalDate placedTo();

        /** Last local day a return of such a purchase may be asked for. */
        LocalDate returnableUntil();

        /** Shipping countries the season applies to; every country when absent. */
        Optional<List<String>> countries();
    }
}
