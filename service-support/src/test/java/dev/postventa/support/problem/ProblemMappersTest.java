package dev.postventa.support.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.postventa.support.outbox.RelayNotReadyException;
import dev.postventa.support.problem.Problem.FieldViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Every failure of a REST call reaches the client as problem+json; these are the bodies and statuses it sees. */
class ProblemMappersTest {

    private static final UriInfo RETURNS = uriInfo("/returns");
    private static final ValidatorFactory VALIDATION = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory();

    private final ProblemMappers mappers = new ProblemMappers();

    record CreateReturn(@NotBlank String orderId, List<@Valid Line> lines) {
    }

    record Line(@NotBlank String lineId, @Min(1) int quantity) {
    }

    /** A resource method, as Bean Validation reports its parameters' violations. */
    static class ReturnsResource {
        public void create(@Valid CreateReturn request) {
        }
    }

    @AfterAll
    static void close() {
        VALIDATION.close();
    }

    @Test
    void aBusinessRefusalKeepsItsStatusTypeAndViolations() {
        Response response = mappers.problem(ProblemException.unprocessable("return-not-eligible",
                "Return is not eligible", List.of(new FieldViolation("lines[0]", "outside the return window"))),
                RETURNS);

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getMediaType()).hasToString("application/problem+json");
        assertThat(body(response)).isEqualTo(new Problem("https://postventa.dev/problems/return-not-eligible",
                "Return is not eligible", 422, "lines[0]: outside the return window", "/returns",
                List.of(new FieldViolation("lines[0]", "outside the return window"))));
    }

    @Test
    void aRequestThatFailsValidationIsA400NamingFieldsWithoutMethodAndParameter() throws Exception {
        Method create = ReturnsResource.class.getMethod("create", CreateReturn.class);
        var violations = VALIDATION.getValidator().forExecutables().validateParameters(new ReturnsResource(), create,
                new Object[] {new CreateReturn("", List.of(new Line("L1", 0)))});

        Response response = mappers.invalid(new ConstraintViolationException(violations), RETURNS);

        Problem problem = body(response);
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(problem.type()).isEqualTo("https://postventa.dev/problems/validation");
        assertThat(problem.violations()).containsExactly(
                new FieldViolation("lines[0].quantity", "must be greater than or equal to 1"),
                new FieldViolation("orderId", "must not be blank"));
        assertThat(problem.detail())
                .isEqualTo("lines[0].quantity: must be greater than or equal to 1; orderId: must not be blank");
    }

    @Test
    void aBodyOfTheWrongShapeIsA400NamingTheField() {
        JsonProcessingException wrongType = readFailure("{\"orderId\": \"SO-1\", \"lines\": [{\"lineId\": \"L1\", "
                + "\"quantity\": \"two\"}]}");

        Response response = mappers.unreadable(wrongType, RETURNS);

        Problem problem = body(response);
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(problem.type()).isEqualTo("https://postventa.dev/problems/malformed-body");
        assertThat(problem.violations())
                .containsExactly(new FieldViolation("lines[0].quantity", "has a value of the wrong type or format"));
    }

    @Test
    void aBodyThatIsNotJsonIsA400WithoutViolations() {
        Response response = mappers.unreadable(readFailure("{\"orderId\": "), RETURNS);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(body(response).violations()).isNullOrEmpty();
        assertThat(body(response).title()).isEqualTo("Request body is not valid JSON for this operation");
    }

    @Test
    void aWriteBeforeTheRelayStreamsIsA503ToRetry() {
        Response response = mappers.notReady(new RelayNotReadyException(), RETURNS);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
        assertThat(response.getMediaType()).hasToString("application/problem+json");
        assertThat(body(response).type()).isEqualTo("https://postventa.dev/problems/not-ready");
    }

    @Test
    void aJaxRsFailureKeepsItsStatusWithTheReasonAsTitle() {
        Response response = mappers.web(new NotFoundException("no route"), uriInfo("/nowhere"));

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(body(response)).isEqualTo(new Problem("about:blank", "Not Found", 404, "no route", "/nowhere",
                List.of()));
    }

    @Test
    void anUnexpectedFailureIsA500ThatRevealsNothingOfIt() {
        Response response = mappers.unexpected(new IllegalStateException("password=hunter2 at db-7"), RETURNS);

        Problem problem = body(response);
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(problem.type()).isEqualTo("about:blank");
        assertThat(problem.detail()).doesNotContain("hunter2").doesNotContain("IllegalStateException");
    }

    @Test
    void aDatabaseOutageOrAPoolThatHadNoConnectionInTimeIsA503WithRetryAfter() {
        for (Exception outage : List.of(
                new java.util.concurrent.CompletionException(new java.util.concurrent.TimeoutException()),
                new org.hibernate.HibernateException(new java.sql.SQLException("connection lost", "08006")))) {
            Response response = mappers.unexpected(outage, RETURNS);

            assertThat(response.getStatus()).isEqualTo(503);
            assertThat(response.getHeaderString("Retry-After")).isEqualTo("2");
            assertThat(body(response).type()).endsWith("/unavailable");
            assertThat(body(response).detail()).contains("same Idempotency-Key").doesNotContain("08006");
        }
    }

    private static Problem body(Response response) {
        return (Problem) response.getEntity();
    }

    private static JsonProcessingException readFailure(String json) {
        try {
            new ObjectMapper().readValue(json, CreateReturn.class);
        } catch (JsonProcessingException e) {
            return e;
        }
        throw new AssertionError("expected " + json + " not to be read");
    }

    private static UriInfo uriInfo(String path) {
        return (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getPath") && method.getParameterCount() == 0) {
                        return path;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
