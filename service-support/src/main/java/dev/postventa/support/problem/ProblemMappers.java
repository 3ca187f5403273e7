package dev.postventa.support.problem;

import dev.postventa.support.persistence.Outages;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.postventa.support.outbox.RelayNotReadyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps every failure of a REST call to an RFC 9457 problem+json response; clients never see a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    static final String TYPE_BASE = "https://postventa.dev/problems/";

    static String typeUri(String type) {
        return type.startsWith("http") || "about:blank".equals(type) ? type : TYPE_BASE + type;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response.ResponseBuilder response = Response.fromResponse(respond(e.toProblem(uri.getPath())));
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldViolation> violations = FieldViolations.of(e.getConstraintViolations(),
                ProblemMappers::fieldOf);
        return respond(ProblemException.invalid("Request is not valid", violations).toProblem(uri.getPath()));
    }

    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class, InvalidFormatException.class})
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        List<Problem.FieldViolation> violations = List.of();
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            violations = List.of(new Problem.FieldViolation(field, "has a value of the wrong type or format"));
        }
        return respond(new Problem(typeUri("malformed-body"), "Request body is not valid JSON for this operation", 400,
                e.getOriginalMessage(), uri.getPath(), violations));
    }

    @ServerExceptionMapper
    public Response notReady(RelayNotReadyException e, UriInfo uri) {
        return Response.fromResponse(respond(new Problem(typeUri("not-ready"), "Service is starting", 503,
                e.getMessage(), uri.getPath(), List.of()))).header("Retry-After", "5").build();
    }

    /** No token, or one that is expired, forged or from another issuer: the client must (re)authenticate. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(respond(new Problem(typeUri("unauthenticated"), "Authentication required", 401,
                "Send a valid bearer token in the Authorization header (customers get one from POST /customer-tokens).",
                uri.getPath(), List.of()))).header("WWW-Authenticate", "Bearer").build();
    }

    /** A valid token without the role the operation needs (customer data the caller cannot see is a 404 instead). */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(typeUri("forbidden"), "Not allowed", 403,
                "This operation needs another role than the token carries.", uri.getPath(), List.of()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "HTTP " + status;
        return respond(new Problem("about:blank", title, status, e.getMessage(), uri.getPath(), List.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (Outages.isOutage(e)) {
            // The database or broker is down, or every connection stayed busy past the pool's wait (a peak beyond
            // what this replica serves): nothing about the request is wrong, and nothing was committed.
            LOG.warnf("unavailable on %s: %s", uri.getPath(), e);
            return Response.fromResponse(respond(new Problem(typeUri("unavailable"), "Service temporarily unavailable",
                    503, "The request could not be served now; retry later with the same Idempotency-Key.",
                    uri.getPath(), List.of()))).header("Retry-After", "2").build();
        }
        LOG.error("unexpected failure on " + uri.getPath(), e);
        return respond(new Problem("about:blank", "Internal Server Error", 500,
                "The request could not be completed; it is safe to retry with the same Idempotency-Key.",
                uri.getPath(), List.of()));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        // Paths look like "create.request.lines[0].quantity": drop the method and parameter names.
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }
}
