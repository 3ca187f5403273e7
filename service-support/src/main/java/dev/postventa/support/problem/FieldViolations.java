package dev.postventa.support.problem;

import jakarta.validation.ConstraintViolation;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** The one way a set of field violations becomes a problem's {@code violations} and its one-line {@code detail}. */
public final class FieldViolations {

    private FieldViolations() {
    }

    /** Bean Validation violations as field violations, sorted by field; {@code field} names the path to report. */
    public static List<Problem.FieldViolation> of(Collection<? extends ConstraintViolation<?>> violations,
                                                  java.util.function.Function<ConstraintViolation<?>, String> field) {
        return violations.stream()
                .map(v -> new Problem.FieldViolation(field.apply(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldViolation::field)
                        .thenComparing(Problem.FieldViolation::message))
                .toList();
    }

    /** Bean Validation violations of a whole object, reported by their property path. */
    public static List<Problem.FieldViolation> of(Collection<? extends ConstraintViolation<?>> violations) {
        return of(violations, v -> v.getPropertyPath().toString());
    }

    /** "field: message; field: message", or {@code whenEmpty} when there is none. */
    public static String detail(List<Problem.FieldViolation> violations, String whenEmpty) {
        return violations.isEmpty() ? whenEmpty
                : violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
    }
}
