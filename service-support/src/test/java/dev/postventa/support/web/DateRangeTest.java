package dev.postventa.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postventa.support.problem.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DateRangeTest {

    // 23:30 in Mexico City on the 29th is already the 30th in UTC: ranges are UTC days.
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-30T05:30:00Z"), ZoneId.of("America/Mexico_City"));

    @Test
    void defaultsToTheLastThirtyUtcDaysIncludingToday() {
        DateRange range = DateRange.parse(null, null, clock);
        assertThat(range.to()).isEqualTo(LocalDate.parse("2026-12-01"));
        assertThat(range.from()).isEqualTo(LocalDate.parse("2026-11-01"));
        assertThat(range.fromInstant()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(range.toInstant()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    }

    @Test
    void oneBoundGivenFixesTheOtherThirtyDaysAway() {
        assertThat(DateRange.parse("2026-01-10", null, clock)).isEqualTo(
                new DateRange(LocalDate.parse("2026-01-10"), LocalDate.parse("2026-02-09")));
        assertThat(DateRange.parse(null, "2026-01-10", clock)).isEqualTo(
                new DateRange(LocalDate.parse("2025-12-11"), LocalDate.parse("2026-01-10")));
    }

    @Test
    void malformedDatesAre400FieldByField() {
        assertThatThrownBy(() -> DateRange.parse("yesterday", "2026-13-01", clock))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.toProblem("/x").violations()).extracting(v -> v.field())
                            .containsExactlyInAnyOrder("from", "to");
                });
    }

    @Test
    void emptyOrReversedRangesAre422() {
        assertThatThrownBy(() -> DateRange.parse("2026-11-30", "2026-11-30", clock))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(422));
        assertThatThrownBy(() -> DateRange.parse("2026-12-01", "2026-11-01", clock))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(422));
    }

    @Test
    void atMostAYearAndADay() {
        assertThat(DateRange.parse("2025-01-01", "2026-01-02", clock).to()).isEqualTo(LocalDate.parse("2026-01-02"));
        assertThatThrownBy(() -> DateRange.parse("2025-01-01", "2026-01-03", clock))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.getMessage()).contains("366");
                });
    }
}
