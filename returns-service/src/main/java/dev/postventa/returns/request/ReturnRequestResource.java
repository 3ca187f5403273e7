package dev.postventa.returns.request;

import dev.postventa.support.problem.Problem.FieldViolation;
import dev.postventa.support.problem.ProblemException;
import dev.postventa.support.security.Access;
import dev.postventa.support.security.Roles;
import dev.postventa.support.web.PathIds;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
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

/**
 * The API for returns: customers ask to return lines of an order and follow a return; operations approve or reject
 * a REQUESTED return on review. A customer's token opens one order: another order's returns answer exactly as if they
 * did not exist. Operations and the storefront's servers see every order; only operations review.
 */
@Path("/returns")
@Tag(name = "Returns")
@Produces(MediaType.APPLICATION_JSON)
public class ReturnRequestResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final ReturnRequestService service;
    private final ReturnReview review;
    private final SecurityIdentity identity;

    ReturnRequestResource(ReturnRequestService service, ReturnReview review, SecurityIdentity identity) {
        this.service = service;
        this.review = review;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CUSTOMER, Roles.STOREFRONT, Roles.OPS})
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
        if (!Access.of(identity).sees(request.orderId())) {
            // Not the caller's order: the same answer as an order that does not exist.
            return Uni.createFrom().failure(ReturnRequestService.unknownOrder(request.orderId()));
        }
        return service.create(request, idempotencyKey).map(outcome -> Response
                .created(uri.getBaseUriBuilder().path("returns").path(outcome.view().id().toString()).build())
                .header("Idempotent-Replayed", String.valueOf(outcome.replayed()))
                .entity(outcome.view())
                .build());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CUSTOMER, Roles.STOREFRONT, Roles.OPS})
    @Operation(summary = "A return with its status and history", description = "404 when unknown or not the caller's.")
    public Uni<ReturnView> get(@PathParam("id") String id) {
        Access access = Access.of(identity);
        return service.find(PathIds.uuid("id", id)).map(view -> access.visibleOrElse(view, view.orderId(),
                () -> ProblemException.notFound("Return", id)));
    }

    @GET
    @RolesAllowed({Roles.CUSTOMER, Roles.STOREFRONT, Roles.OPS})
    @Operation(summary = "The returns of an order", description = "404 when the order is not the caller's.")
    public Uni<List<ReturnView>> byOrder(@QueryParam("orderId") String orderId) {
        if (orderId == null || orderId.isBlank()) {
            return Uni.createFrom().failure(ProblemException.invalid("Request is not valid",
                    List.of(new FieldViolation("orderId", "is required"))));
        }
        if (!Access.of(identity).sees(orderId)) {
            return Uni.createFrom().failure(ProblemException.notFound("Order", orderId));
        }
        return service.findByOrder(orderId);
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed(Roles.OPS)
    @Tag(name = "Returns review (operations)")
    @Operation(summary = "Approve a REQUESTED return (manual review)",
            description = "200 with the return, now APPROVED with its RMA number; ReturnApproved is published. "
                    + "409 problem+json when the return is not REQUESTED (already approved, rejected or on its way); "
                    + "404 when unknown. Operations only.")
    public Uni<ReturnView> approve(@PathParam("id") String id) {
        return review.approve(PathIds.uuid("id", id));
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed(Roles.OPS)
    @Consumes(MediaType.APPLICATION_JSON)
    @Tag(name = "Returns review (operations)")
    @Operation(summary = "Reject a REQUESTED return (manual review)",
            description = "Body {\"reason\"} (required, at most 500 characters), kept in the return's history. 200 "
                    + "with the return, now REJECTED; its lines no longer count as returned. No event is published "
                    + "yet. 409 problem+json when the return is not REQUESTED; 404 when unknown. Operations only.")
    public Uni<ReturnView> reject(@PathParam("id") String id,
                                  @Valid @NotNull(message = "a JSON body with a reason is required")
                                  RejectReturnRequest body) {
        return review.reject(PathIds.uuid("id", id), body.reason());
    }
}
