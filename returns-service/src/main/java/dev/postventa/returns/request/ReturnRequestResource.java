package dev.postventa.returns.request;

import dev.postventa.support.problem.Problem.FieldViolation;
import dev.postventa.support.problem.ProblemException;
import dev.postventa.support.web.PathIds;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The customer's API for returns: ask to return lines of an order, and follow a return. */
@Path("/returns")
@Tag(name = "Returns")
@Produces(MediaType.APPLICATION_JSON)
public class ReturnRequestResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final ReturnRequestService service;

    ReturnRequestResource(ReturnRequestService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask to return lines of a delivered order",
            description = "201 with the return (approved at once under the default policy); 422 problem+json with "
                    + "one violation per refused field; a retry with the same Idempotency-Key returns the first result.")
    public Uni<Response> create(@Valid @NotNull(message = "a JSON body is required") CreateReturnRequest request,
                                @Parameter(description = "Makes a retried request return the first result")
                                @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
                                UriInfo uri) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 255)) {
            return Uni.createFrom().failure(ProblemException.invalid("Request is not valid",
                    List.of(new FieldViolation(IDEMPOTENCY_KEY, "must be 1 to 255 characters"))));
        }
        return service.create(request, idempotencyKey).map(outcome -> Response
                .created(uri.getBaseUriBuilder().path("returns").path(outcome.view().id().toString()).build())
                .header("Idempotent-Replayed", String.valueOf(outcome.replayed()))
                .entity(outcome.view())
                .build());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A return with its status and history")
    public Uni<ReturnView> get(@PathParam("id") String id) {
        return service.find(PathIds.uuid("id", id));
    }

    @GET
    @Operation(summary = "The returns of an order")
    public Uni<List<ReturnView>> byOrder(@QueryParam("orderId") String orderId) {
        if (orderId == null || orderId.isBlank()) {
            return Uni.createFrom().failure(ProblemException.invalid("Request is not valid",
                    List.of(new FieldViolation("orderId", "is required"))));
        }
        return service.findByOrder(orderId);
    }
}
