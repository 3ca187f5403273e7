package dev.postventa.notifications.preferences;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A daily window, in the customer's local time, in which non-essential messages wait; {@code from} after {@code to}
 * spans midnight (21:00–08:00). {@code from} is inside, {@code to} is not.
 */
public record QuietHours(LocalTime from, LocalTime to) {

    public QuietHours {
        if (from == null || to == null || from.equals(to)) {
            throw new IllegalArgumentException("quiet hours need two different times");
        }
    }

    /** When a message due at {@code now} may go out: the end of the window when {@code now} falls inside it. */
    public Optional<Instant> endIfInside(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean inside = from.isBefore(to)
                ? !time.isBefore(from) && time.isBefore(to)
                : !time.isBefore(from) || time.isBefore(to);
        if (!inside) {
            return Optional.empty();
        }
        ZonedDateTime end = local.with(to).withSecond(0).withNano(0);
        if (!end.isAfter(local)) {
            end = end.plusDays(1);
        }
        return Optional.of(end.toInstant());
    }
}
