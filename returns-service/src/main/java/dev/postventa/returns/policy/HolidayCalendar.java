package dev.postventa.returns.policy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Public holidays per country (ISO 3166 alpha-2), the days a business-day window skips besides Saturdays and
 * Sundays. Built in: the national holidays of MX, BR and ES for 2026 and 2027 ({@code holidays/<country>.txt},
 * each file names its legal source; regional holidays are not included); configuration adds dates.
 */
public class HolidayCalendar {

    /** Countries with a built-in calendar. */
    static final Set<String> BUILT_IN = Set.of("MX", "BR", "ES");

    private final Map<String, Set<LocalDate>> holidays;

    private HolidayCalendar(Map<String, Set<LocalDate>> holidays) {
        this.holidays = holidays;
    }

    /** The same days as {@code other} (for a subclass that adds some, e.g. a test's). */
    protected HolidayCalendar(HolidayCalendar other) {
        this(other.holidays);
    }

    public static HolidayCalendar of(Map<String, Set<LocalDate>> holidays) {
        Map<String, Set<LocalDate>> copy = new HashMap<>();
        holidays.forEach((country, dates) -> copy.put(country, Set.copyOf(dates)));
        return new HolidayCalendar(copy);
    }

    /**
     * The built-in calendars (unless {@code builtIn} is false) plus {@code extra}: per country, comma-separated
     * ISO dates (e.g. {@code MX -> "2026-12-12,2027-12-12"}).
     */
    public static HolidayCalendar load(boolean builtIn, Map<String, String> extra) {
        Map<String, Set<LocalDate>> holidays = new HashMap<>();
        if (builtIn) {
            for (String country : BUILT_IN) {
                holidays.put(country, read("holidays/" + country + ".txt"));
            }
        }
        extra.forEach((country, dates) -> {
            Set<LocalDate> set = holidays.computeIfAbsent(country.toUpperCase(), c -> new HashSet<>());
            for (String date : dates.split(",")) {
                if (!date.isBlank()) {
                    set.add(LocalDate.parse(date.strip()));
                }
            }
        });
        return of(holidays);
    }

    public boolean isHoliday(String country, LocalDate day) {
        return holidays.getOrDefault(country, Set.of()).contains(day);
    }

    /** Not a Saturday, Sunday or public holiday of {@code country}. */
    public boolean isBusinessDay(String country, LocalDate day) {
        return switch (day.getDayOfWeek()) {
            case SATURDAY, SUNDAY -> false;
            default -> !isHoliday(country, day);
        };
    }

    private static Set<LocalDate> read(String resource) {
        Set<LocalDate> dates = new HashSet<>();
        try (InputStream in = HolidayCalendar.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("holiday calendar " + resource + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String text = line.strip();
                if (!text.isEmpty() && !text.startsWith("#")) {
                    dates.add(LocalDate.parse(text.split("\\s+", 2)[0]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dates;
    }
}
