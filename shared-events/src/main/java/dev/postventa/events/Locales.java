package dev.postventa.events;

import java.util.Locale;
import java.util.Map;

/**
 * The one rule for a customer's locale when the storefront sent none (a guest checkout, a storefront that does not
 * know it): derived from the order's country. Applied by {@link CustomerContact}, so every service reads the same.
 */
public final class Locales {

    /** What a customer of a country we sell in is written in; anywhere else (or nowhere known): {@link #FALLBACK}. */
    private static final Map<String, String> BY_COUNTRY = Map.of("MX", "es-MX", "BR", "pt-BR", "ES", "es-ES");
    public static final String FALLBACK = "en";

    private Locales() {
    }

    /** The default locale of an ISO 3166-1 alpha-2 country (any case); {@code en} for another or no country. */
    public static String forCountry(String country) {
        if (country == null || country.isBlank()) {
            return FALLBACK;
        }
        return BY_COUNTRY.getOrDefault(country.strip().toUpperCase(Locale.ROOT), FALLBACK);
    }

    /** {@code locale} when the storefront sent one, else the default of {@code country}. */
    public static String orDefault(String locale, String country) {
        return locale == null || locale.isBlank() ? forCountry(country) : locale;
    }
}
