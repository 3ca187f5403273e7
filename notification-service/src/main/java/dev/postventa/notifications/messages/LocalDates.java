package dev.postventa.notifications.messages;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;

/**
 * Writes a date the way the customer's country writes it ({@code 28 de febrero de 2027}, {@code 28 de fevereiro de
 * 2027}, {@code February 28, 2027}), on the calendar of the order's country: an expiry at 02:00 UTC is still the day
 * before in Mexico City, and the customer must not be told a later day than the one that counts.
 */
public final class LocalDates {

    /** The zone whose calendar the customers of a country read; countries not listed read UTC's. */
    private static final Map<String, ZoneId> ZONES = Map.of(
            "MX", ZoneId.of("America/Mexico_City"),
            "BR", ZoneId.of("America/Sao_Paulo"),
            "ES", ZoneId.of("Europe/Madrid"),
            "PT", ZoneId.of("Europe/Lisbon"),
            "AR", ZoneId.of("America/Argentina/Buenos_Aires"),
            "CO", ZoneId.of("America/Bogota"),
            "CL", ZoneId.of("America/Santiago"),
            "PE", ZoneId.of("America/Lima"),
            "US", ZoneId.of("America/New_York"));

    private LocalDates() {
    }

    /** The zone of the country's customers (also their quiet hours'); UTC for countries not listed. */
    public static ZoneId zoneOf(String country) {
        return country == null ? ZoneOffset.UTC : ZONES.getOrDefault(country.strip(), ZoneOffset.UTC);
    }

    public static String format(Instant instant, String locale, String country) {
        ZoneId zone = zoneOf(country);
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(LocalMoney.formattingLocale(locale, country))
                .format(instant.atZone(zone));
    }
}
