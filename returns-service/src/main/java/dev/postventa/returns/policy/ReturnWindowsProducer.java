package dev.postventa.returns.policy;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the {@link ReturnWindows} from {@code postventa.windows.*} and the default {@code postventa.returns.window}. */
@Singleton
public class ReturnWindowsProducer {

    @Produces
    @Singleton
    ReturnWindows returnWindows(WindowsConfig windows, ReturnsConfig returns) {
        return build(windows, returns, holidays(windows));
    }

    /** The built-in holiday calendars (unless turned off) plus the configured days. */
    public static HolidayCalendar holidays(WindowsConfig windows) {
        return HolidayCalendar.load(windows.builtinHolidays(), windows.holidays());
    }

    public static ReturnWindows build(WindowsConfig windows, ReturnsConfig returns, HolidayCalendar holidays) {
        Map<String, WindowLength> legal = new HashMap<>(ReturnWindows.LEGAL_DEFAULTS);
        windows.legal().forEach((country, length) -> legal.put(country.toUpperCase(), WindowLength.parse(length)));
        Map<String, WindowLength> categories = new HashMap<>();
        windows.category().forEach((category, length) -> categories.put(category, WindowLength.parse(length)));
        Map<String, ZoneId> zones = new HashMap<>();
        windows.zone().forEach((country, zone) -> zones.put(country.toUpperCase(), ZoneId.of(zone)));
        List<ReturnWindows.Season> seasons = windows.season().entrySet().stream()
                .map(e -> new ReturnWindows.Season(e.getKey(), e.getValue().placedFrom(), e.getValue().placedTo(),
                        e.getValue().returnableUntil(), Set.copyOf(e.getValue().countries().orElse(List.of()))))
                .toList();
        return new ReturnWindows(legal, categories, WindowLength.ofDuration(returns.window()), seasons, zones,
                holidays);
    }
}
