package dev.postventa.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.postventa.support.problem.Problem;
import dev.postventa.support.problem.Problem.FieldViolation;
import dev.postventa.support.problem.ProblemException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PathIdsTest {

    @Test
    void aCanonicalUuidIsAccepted() {
        assertThat(PathIds.uuid("returnId", "6f1c2a9e-3b47-4d5a-9c1e-2f7b8a9d0e11"))
                .isEqualTo(UUID.fromString("6f1c2a9e-3b47-4d5a-9c1e-2f7b8a9d0e11"));
    }

    @Test
    void upperCaseHexIsAccepted() {
        assertThat(PathIds.uuid("returnId", "6F1C2A9E-3B47-4D5A-9C1E-2F7B8A9D0E11"))
                .isEqualTo(UUID.fromString("6f1c2a9e-3b47-4d5a-9c1e-2f7b8a9d0e11"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "1-2-3-4-5",                                    // UUID.fromString accepts it; we do not
            "6f1c2a9e3b474d5a9c1e2f7b8a9d0e11",             // no dashes
            "6f1c2a9e-3b47-4d5a-9c1e-2f7b8a9d0e1",          // one digit short
            "6f1c2a9e-3b47-4d5a-9c1e-2f7b8a9d0e111",        // one digit too many
            "{6f1c2a9e-3b47-4d5a-9c1e-2f7b8a9d0e11}",
            " 6f1c2a9e-3b47-4d5a-9c1e-2f7b8a9d0e11",
            "6g1c2a9e-3b47-4d5a-9c1e-2f7b8a9d0e11",         // not hex
            "RMA-2026-000001",
            "' OR 1=1 --"})
    void anythingElseIsA400NamingTheField(String value) {
        Problem problem = refused("returnId", value);

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.type()).isEqualTo("https://postventa.dev/problems/validation");
        assertThat(problem.violations()).containsExactly(new FieldViolation("returnId", "must be a UUID"));
        assertThat(problem.detail()).isEqualTo("returnId: must be a UUID");
    }

    @Test
    void aMissingValueIsRequired() {
        assertThat(refused("shipmentId", null).violations())
                .containsExactly(new FieldViolation("shipmentId", "is required"));
        assertThat(refused("shipmentId", "").violations())
                .containsExactly(new FieldViolation("shipmentId", "is required"));
    }

    private static Problem refused(String field, String value) {
        ProblemException refusal = catchThrowableOfType(ProblemException.class, () -> PathIds.uuid(field, value));
        assertThat(refusal).as("%s is refused", value).isNotNull();
        return refusal.toProblem("/test");
    }
}
