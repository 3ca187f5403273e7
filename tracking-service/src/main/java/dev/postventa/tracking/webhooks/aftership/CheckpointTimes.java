package dev.postventa.tracking.webhooks.aftership;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns AfterShip's {@code checkpoint_time} into an instant. AfterShip gives the checkpoint's LOCAL time, usually
 * without a zone ({@code 2021-01-14T00:52:00}). The rule, in order:
 * <ol>
 * <li>a time that carries an offset ({@code ...+02:00}, {@code ...Z}) is taken as it is;</li>
 * <li>else the main time zone of the checkpoint's country ({@code country_iso3}/{@code country_region}, or a trailing
 * country code of {@code location}) when we know that country;</li>
 * <li>else the main time zone of the shipment's origin country (the return's country: where the customer drops the
 * parcel);</li>
 * <li>else UTC.</li>
 * </ol>
 * A country's main zone is the zone most of its people live in (a country spanning several zones is pinned to one:
 * US → New York, BR → São Paulo, MX → Mexico City, ES → Madrid even for the Canaries); a local time that a clock
 * change skips or repeats takes the earlier offset ({@link java.time.ZonedDateTime#of}). The instant is only shown
 * and used by {@code ScanOrder}; it is never compared with our clock except for the future-dated check.
 */
public final class CheckpointTimes {

    /** Alpha-2 country → its main zone. Countries not listed fall through to the next rule. */
    static final Map<String, ZoneId> MAIN_ZONE = Map.ofEntries(
            Map.entry("MX", ZoneId.of("America/Mexico_City")),
            Map.entry("BR", ZoneId.of("America/Sao_Paulo")),
            Map.entry("ES", ZoneId.of("Europe/Madrid")),
            Map.entry("PT", ZoneId.of("Europe/Lisbon")),
            Map.entry("AR", ZoneId.of("America/Argentina/Buenos_Aires")),
            Map.entry("CL", ZoneId.of("America/Santiago")),
            Map.entry("CO", ZoneId.of("America/Bogota")),
            Map.entry("PE", ZoneId.of("America/Lima")),
            Map.entry("UY", ZoneId.of("America/Montevideo")),
            Map.entry("EC", ZoneId.of("America/Guayaquil")),
            Map.entry("US", ZoneId.of("America/New_York")),
            Map.entry("CA", ZoneId.of("America/Toronto")),
            Map.entry("GB", ZoneId.of("Europe/London")),
            Map.entry("FR", ZoneId.of("Europe/Paris")),
            Map.entry("DE", ZoneId.of("Europe/Berlin")),
            Map.entry("IT", ZoneId.of("Europe/Rome")),
            Map.entry("NL", ZoneId.of("Europe/Amsterdam")),
            Map.entry("BE", ZoneId.of("Europe/Brussels")),
            Map.entry("CN", ZoneId.of("Asia/Shanghai")),
            Map.entry("JP", ZoneId.of("Asia/Tokyo")),
            Map.entry("AU", ZoneId.of("Australia/Sydney")));

    private static final Map<String, String> ALPHA3_TO_ALPHA2 = new HashMap<>();

    static {
        for (String alpha2 : Locale.getISOCountries()) {
            ALPHA3_TO_ALPHA2.put(new Locale("", alpha2).getISO3Country(), alpha2);
        }
    }

    private CheckpointTimes() {
    }

    /**
     * The instant of {@code checkpointTime} by the rule above; {@code checkpointCountry} and {@code originCountry}
     * are ISO alpha-2 or alpha-3 codes or null. Throws {@link DateTimeException} when the text is not a date-time.
     */
    public static Instant instantOf(String checkpointTime, String checkpointCountry, String originCountry) {
        try {
            return OffsetDateTime.parse(checkpointTime).toInstant();
        } catch (DateTimeException noOffset) {
            // The usual case: local time, placed by the rule.
        }
        LocalDateTime local = LocalDateTime.parse(checkpointTime);
        return local.atZone(zoneOf(checkpointCountry).or(() -> zoneOf(originCountry)).orElse(ZoneOffset.UTC))
                .toInstant();
    }

    /** The main zone of a country given as ISO alpha-2 or alpha-3 (any case), when we know it. */
    static Optional<ZoneId> zoneOf(String country) {
        if (country == null || country.isBlank()) {
            return Optional.empty();
        }
        String code = country.trim().toUpperCase(Locale.ROOT);
        String alpha2 = code.length() == 3 ? ALPHA3_TO_ALPHA2.get(code) : code;
        return Optional.ofNullable(alpha2 == null ? null : MAIN_ZONE.get(alpha2));
    }
}
