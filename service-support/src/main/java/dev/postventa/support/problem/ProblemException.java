package dev.postventa.support.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A business refusal that reaches the client as problem+json with the given status. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<Problem.FieldViolation> violations;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ProblemException(int status, String type, String title, String detail,
                            List<Problem.FieldViolation> violations) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.violations = List.copyOf(violations);
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(404, "not-found", what + " not found", what + " " + id + " does not exist", List.of());
    }

    /** 422: the request is well-formed but the business rules refuse it, field by field. */
    public static ProblemException unprocessable(String type, String title, List<Problem.FieldViolation> violations) {
        return new ProblemException(422, type, title, FieldViolations.detail(violations, title), violations);
    }

    /** 400: the request breaks its own contract (a field's format, a missing value), field by field. */
    public static ProblemException invalid(String title, List<Problem.FieldViolation> violations) {
        return new ProblemException(400, "validation", title, FieldViolations.detail(violations, title), violations);
    }

    public Problem toProblem(String instance) {
        return new Problem(ProblemMappers.typeUri(type), title, status, getMessage(), instance, violations);
    }

    /** Adds a response header (Retry-After, ...) to the problem's answer. */
    public ProblemException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }

    public int status() {
        return status;
    }

    /** The fields the violations name, in order (empty for a problem without field violations). */
    public List<String> fields() {
        return violations.stream().map(Problem.FieldViolation::field).toList();
    }
}
