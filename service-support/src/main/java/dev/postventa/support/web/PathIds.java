package dev.postventa.support.web;

import dev.postventa.support.problem.Problem.FieldViolation;
import dev.postventa.support.problem.ProblemException;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads ids from paths and query strings. Parsed by hand rather than bound as {@code UUID}: JAX-RS answers 404 to
 * a query parameter it cannot convert, and {@code UUID.fromString} also accepts short forms such as "1-2-3-4-5".
 */
public final class PathIds {

    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private PathIds() {
    }

    /** The canonical UUID in {@code value}, or a 400 problem naming {@code field}. */
    public static UUID uuid(String field, String value) {
        if (value == null || !CANONICAL_UUID.matcher(value).matches()) {
            throw ProblemException.invalid("Request is not valid", List.of(new FieldViolation(field,
                    value == null || value.isEmpty() ? "is required" : "must be a UUID")));
        }
        return UUID.fromString(value);
    }
}
