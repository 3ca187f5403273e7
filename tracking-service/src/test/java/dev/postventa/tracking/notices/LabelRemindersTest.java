package dev.postventa.tracking.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When an unused label is reminded: each branch of the rule, on our label time and returns-service's ship-by. */
class LabelRemindersTest {

    static final Instant LABEL_AT = Instant.parse("2026-11-01T10:00:00Z");
    static final Duration AFTER = Duration.ofDays(5);
    static final Duration LEAD = Duration.ofDays(2);
    static final Duration MIN_AGE = Duration.ofHours(24);

    @Test
    void withoutShipByTheFixedPeriodAfterTheLabel() {
        assertThat(LabelReminders.dueAt(LABEL_AT, null, AFTER, LEAD, MIN_AGE)).isEqualTo(LABEL_AT.plus(AFTER));
        assertThat(isDue(null, LABEL_AT.plus(AFTER))).isFalse();
        assertThat(isDue(null, LABEL_AT.plus(AFTER).plusSeconds(1))).isTrue();
    }

    @Test
    void aFarShipByLeavesTheFixedPeriod() {
        Instant shipBy = LABEL_AT.plus(Duration.ofDays(20));
        assertThat(LabelReminders.dueAt(LABEL_AT, shipBy, AFTER, LEAD, MIN_AGE)).isEqualTo(LABEL_AT.plus(AFTER));
    }

    @Test
    void aNearShipByBringsTheReminderToTheLeadBeforeIt() {
        Instant shipBy = LABEL_AT.plus(Duration.ofDays(4));
        assertThat(LabelReminders.dueAt(LABEL_AT, shipBy, AFTER, LEAD, MIN_AGE))
                .isEqualTo(LABEL_AT.plus(Duration.ofDays(2)));
        assertThat(isDue(shipBy, LABEL_AT.plus(Duration.ofDays(2)).plusSeconds(1))).isTrue();
        assertThat(isDue(shipBy, LABEL_AT.plus(Duration.ofDays(1)))).isFalse();
    }

    @Test
    void neverBeforeTheMinimumAgeOfTheLabel() {
        // Made the day before the ship-by time: the lead has passed already, the label is still too young.
        Instant shipBy = LABEL_AT.plus(Duration.ofHours(30));
        assertThat(LabelReminders.dueAt(LABEL_AT, shipBy, AFTER, LEAD, MIN_AGE)).isEqualTo(LABEL_AT.plus(MIN_AGE));
        assertThat(isDue(shipBy, LABEL_AT.plus(Duration.ofHours(1)))).isFalse();
        assertThat(isDue(shipBy, LABEL_AT.plus(Duration.ofHours(25)))).isTrue();
    }

    @Test
    void notAtAllOnceTheShipByTimeHasPassed() {
        // Made the day the window ends: the minimum age reaches past the ship-by time, so no reminder ever.
        Instant shipBy = LABEL_AT.plus(Duration.ofHours(10));
        assertThat(isDue(shipBy, LABEL_AT.plus(Duration.ofHours(25)))).isFalse();
        // A reminder that was due and not sent in time is not sent late either.
        Instant near = LABEL_AT.plus(Duration.ofDays(3));
        assertThat(isDue(near, near)).isFalse();
        assertThat(isDue(near, near.plusSeconds(1))).isFalse();
        assertThat(isDue(near, near.minusSeconds(1))).isTrue();
    }

    private static boolean isDue(Instant shipBy, Instant now) {
        return LabelReminders.isDue(LABEL_AT, shipBy, now, AFTER, LEAD, MIN_AGE);
    }
}
