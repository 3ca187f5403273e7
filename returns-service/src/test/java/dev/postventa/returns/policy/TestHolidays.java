package dev.postventa.returns.policy;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * For {@code @QuarkusTest}s: the service's return windows, built from its configuration as in production, on a
 * holiday calendar a test may add a day to (a real holiday is rarely among the last days before a test runs).
 * Without additions it is the configured calendar, so other tests see no difference.
 */
@Singleton
public class TestHolidays {

    private static final Set<String> ADDED = ConcurrentHashMap.newKeySet();

    /** Makes {@code day} a public holiday of {@code country} until {@link #remove}. */
    public static void add(String country, LocalDate day) {
        ADDED.add(country + "/" + day);
    }

    public static void remove(String country, LocalDate day) {
        ADDED.remove(country + "/" + day);
    }

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    ReturnWindows returnWindows(WindowsConfig windows, ReturnsConfig returns) {
        HolidayCalendar configured = ReturnWindowsProducer.holidays(windows);
        return ReturnWindowsProducer.build(windows, returns, new HolidayCalendar(configured) {
            @Override
            public boolean isHoliday(String country, LocalDate day) {
                return super.isHoliday(country, day) || ADDED.contains(country + "/" + day);
            }
        });
    }
}
