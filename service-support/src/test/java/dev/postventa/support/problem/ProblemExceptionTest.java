package dev.postventa.support.problem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postventa.support.problem.Problem.FieldViolation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemExceptionTest {

    private static final String INSTANCE = "/returns/6f1c2a9e-3b47-4d5a-9c1e-2f7b8a9d0e11/approve";

    @Test
    void aRefusalBecomesAProblemWithItsTypeUnderOurProblemsBase() {
        ProblemException refusal = new ProblemException(409, "return-not-approvable", "Return cannot be approved",
                "return 6f1c2a9e is RECEIVED", List.of());

        Problem problem = refusal.toProblem(INSTANCE);

        assertThat(problem).isEqualTo(new Problem("https://postventa.dev/problems/return-not-approvable",
                "Return cannot be approved", 409, "return 6f1c2a9e is RECEIVED", INSTANCE, List.of()));
        assertThat(refusal.status()).isEqualTo(409);
        assertThat(refusal.getMessage()).isEqualTo("return 6f1c2a9e is RECEIVED");
    }

    @Test
    void anAbsoluteTypeUriOrAboutBlankIsKeptAsGiven() {
        assertThat(new ProblemException(400, "https://example.com/problems/x", "X", "x", List.of())
                .toProblem(INSTANCE).type()).isEqualTo("https://example.com/problems/x");
        assertThat(new ProblemException(500, "about:blank", "Internal Server Error", "x", List.of())
                .toProblem(INSTANCE).type()).isEqualTo("about:blank");
    }

    @Test
    void notFoundNamesWhatIsMissing() {
        Problem problem = ProblemException.notFound("Return", "6f1c2a9e").toProblem("/returns/6f1c2a9e");

        assertThat(problem.type()).isEqualTo("https://postventa.dev/problems/not-found");
        assertThat(problem.status()).isEqualTo(404);
        assertThat(problem.title()).isEqualTo("Return not found");
        assertThat(problem.detail()).isEqualTo("Return 6f1c2a9e does not exist");
        assertThat(problem.violations()).isEmpty();
    }

    @Test
    void anInvalidRequestIsA400WithItsViolationsInTheDetail() {
        List<FieldViolation> violations = List.of(new FieldViolation("lines[0].quantity", "must be at least 1"),
                new FieldViolation("orderId", "must not be blank"));

        Problem problem = ProblemException.invalid("Request is not valid", violations).toProblem("/returns");

        assertThat(problem.type()).isEqualTo("https://postventa.dev/problems/validation");
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.title()).isEqualTo("Request is not valid");
        assertThat(problem.detail()).isEqualTo("lines[0].quantity: must be at least 1; orderId: must not be blank");
        assertThat(problem.violations()).isEqualTo(violations);
        assertThat(problem.instance()).isEqualTo("/returns");
    }

    @Test
    void aBusinessRefusalIsA422WithItsViolations() {
        List<FieldViolation> violations = List.of(new FieldViolation("lines[1]", "outside the return window"));

        Problem problem = ProblemException.unprocessable("return-not-eligible", "Return is not eligible", violations)
                .toProblem("/returns");

        assertThat(problem.type()).isEqualTo("https://postventa.dev/problems/return-not-eligible");
        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.detail()).isEqualTo("lines[1]: outside the return window");
        assertThat(problem.violations()).isEqualTo(violations);
    }

    @Test
    void withoutViolationsTheDetailIsTheTitle() {
        Problem problem = ProblemException.unprocessable("return-not-eligible", "Return is not eligible", List.of())
                .toProblem("/returns");

        assertThat(problem.detail()).isEqualTo("Return is not eligible");
        assertThat(problem.violations()).isEmpty();
    }

    @Test
    void theViolationsAreCopiedSoTheCallerCannotChangeThemLater() {
        List<FieldViolation> violations = new ArrayList<>(List.of(new FieldViolation("orderId", "must not be blank")));
        ProblemException invalid = ProblemException.invalid("Request is not valid", violations);

        violations.add(new FieldViolation("email", "must be a well-formed email address"));

        assertThat(invalid.toProblem("/returns").violations())
                .containsExactly(new FieldViolation("orderId", "must not be blank"));
    }
}
