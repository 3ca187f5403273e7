package dev.postventa.tracking.notices;

import java.time.Duration;
import java.time.Instant;

/**
 * When an unused label is reminded: at the EARLIER of {@code labelCreatedAt + after} and {@code shipBy - lead}, never
 * before {@code labelCreatedAt + minAge}, and not at all once {@code shipBy} has passed (the window is closed; the
 * stall notice tells what happens next). The label time and "now" are tracking-service's clock; {@code shipBy} is
 * returns-service's policy time, a deadline it set; no carrier time enters.
 */
public final class LabelReminders {

    private LabelReminders() {
    }

    /** The moment the reminder becomes due ({@code shipBy} may be null: then the fixed period alone). */
    public static Instant dueAt(Instant labelCreatedAt, Instant shipBy, Duration after, Duration lead,
                                Duration minAge) {
        Instant due = labelCreatedAt.plus(after);
        if (shipBy != null && shipBy.minus(lead).isBefore(due)) {
            due = shipBy.minus(lead);
        }
        Instant youngest = labelCreatedAt.plus(minAge);
        return due.isBefore(youngest) ? youngest : due;
    }

    /** Whether the reminder is due now: past its due time and before the ship-by time (if any). */
    public static boolean isDue(Instant labelCreatedAt, Instant shipBy, Instant now, Duration after, Duration lead,
                                Duration minAge) {
        return dueAt(labelCreatedAt, shipBy, after, lead, minAge).isBefore(now)
                && (shipBy == null || now.isBefore(shipBy));
    }
}
