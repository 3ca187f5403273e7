package dev.postventa.support.web;

import dev.postventa.support.problem.Problem;
import dev.postventa.support.problem.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A range of whole UTC days asked for by an operator ({@code ?from=2026-11-01&to=2026-12-01}): {@code from} included,
 * {@code to} excluded, so consecutive ranges never count a day twice. Days are UTC because the platform's own
 * timestamps are instants; an operator in Mexico City reading "November" sees November in UTC, which the API says.
 */
public record DateRange(LocalDate from, LocalDate to) {

    /** Without {@code from}/{@code to}: the last 30 days, today included. */
    public static final int DEFAULT_DAYS = 30;
    /** A longer range is refused: one query must stay bounded. */
    public static final int MAX_DAYS = 366;

    public DateRange {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
    }

    /**
     * Reads the two query parameters (either may be null). 400 problem+json, field by field, when one is not an ISO
     * date; 422 when {@code from} is not before {@code to} or the range is longer than {@link #MAX_DAYS}.
     */
    public static DateRange parse(String from, String to, Clock clock) {
        List<Problem.FieldViolation> malformed = new ArrayList<>();
        LocalDate toDay = day("to", to, malformed);
        LocalDate fromDay = day("from", from, malformed);
        if (!malformed.isEmpty()) {
            throw ProblemException.invalid("Invalid date range", malformed);
        }
        if (toDay == null) {
            toDay = fromDay != null ? fromDay.plusDays(DEFAULT_DAYS) : LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1);
        }
        if (fromDay == null) {
            fromDay = toDay.minusDays(DEFAULT_DAYS);
        }
        if (!fromDay.isBefore(toDay)) {
            throw ProblemException.unprocessable("date-range", "Invalid date range",
                    List.of(new Problem.FieldViolation("from", "must be before 'to' (" + toDay + ")")));
        }
        if (ChronoUnit.DAYS.between(fromDay, toDay) > MAX_DAYS) {
            throw ProblemException.unprocessable("date-range", "Date range too long",
                    List.of(new Problem.FieldViolation("to", "at most " + MAX_DAYS + " days after 'from' (" + fromDay + ")")));
        }
        return new DateRange(fromDay, toDay);
    }

    private static LocalDate day(String field, String value, List<Problem.FieldViolation> malformed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            malformed.add(new Problem.FieldViolation(field, "must be a date like 2026-11-30 (UTC day)"));
            return null;
        }
    }

    /** Start of {@code from}, UTC, included. */
    public Instant fromInstant() {
        return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Start of {@code to}, UTC, excluded. */
    public Instant toInstant() {
        return to.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
