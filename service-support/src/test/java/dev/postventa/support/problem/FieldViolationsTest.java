package dev.postventa.support.problem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postventa.support.problem.Problem.FieldViolation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import java.util.Set;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class FieldViolationsTest {

    /** A request as a resource would receive it. */
    record CreateReturn(@NotBlank String orderId, @Email String email, @NotEmpty List<@Valid Line> lines) {
    }

    record Line(@NotBlank String lineId, @Min(1) int quantity) {
    }

    private static final ValidatorFactory FACTORY = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void violationsAreReportedByPropertyPathSortedByField() {
        Set<ConstraintViolation<CreateReturn>> violations = VALIDATOR.validate(new CreateReturn(" ", "not-an-email",
                List.of(new Line("L1", 1), new Line("", 0))));

        assertThat(FieldViolations.of(violations)).containsExactly(
                new FieldViolation("email", "must be a well-formed email address"),
                new FieldViolation("lines[1].lineId", "must not be blank"),
                new FieldViolation("lines[1].quantity", "must be greater than or equal to 1"),
                new FieldViolation("orderId", "must not be blank"));
    }

    @Test
    void twoViolationsOfOneFieldAreSortedByMessage() {
        record Code(@NotBlank @jakarta.validation.constraints.Size(min = 3) String code) {
        }

        List<FieldViolation> violations = FieldViolations.of(VALIDATOR.validate(new Code("")));

        assertThat(violations).extracting(FieldViolation::field).containsExactly("code", "code");
        assertThat(violations).extracting(FieldViolation::message)
                .containsExactly("must not be blank", "size must be between 3 and 2147483647");
    }

    @Test
    void theCallerNamesTheFieldToReport() {
        Set<ConstraintViolation<CreateReturn>> violations = VALIDATOR.validate(new CreateReturn("SO-1", null,
                List.of(new Line("L1", 0))));

        assertThat(FieldViolations.of(violations, v -> "body." + v.getPropertyPath()))
                .containsExactly(new FieldViolation("body.lines[0].quantity", "must be greater than or equal to 1"));
    }

    @Test
    void aValidObjectHasNoViolations() {
        assertThat(FieldViolations.of(VALIDATOR.validate(new CreateReturn("SO-1", "ana@example.mx",
                List.of(new Line("L1", 1)))))).isEmpty();
    }

    @Test
    void theDetailIsOneLineOfFieldAndMessagePairs() {
        String detail = FieldViolations.detail(List.of(new FieldViolation("email", "must be a well-formed email address"),
                new FieldViolation("orderId", "must not be blank")), "Request is not valid");

        assertThat(detail).isEqualTo("email: must be a well-formed email address; orderId: must not be blank");
    }

    @Test
    void withoutViolationsTheDetailIsTheFallback() {
        assertThat(FieldViolations.detail(List.of(), "Request is not valid")).isEqualTo("Request is not valid");
    }
}
