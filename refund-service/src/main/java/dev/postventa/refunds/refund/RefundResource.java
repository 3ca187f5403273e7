package dev.postventa.refunds.refund;

import dev.postventa.support.problem.ProblemException;
import dev.postventa.support.security.Access;
import dev.postventa.support.security.Roles;
import dev.postventa.support.web.PathIds;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * "Where is my refund?": refunds by return id or by id. A customer's token opens the refunds of one order; another
 * order's refund answers exactly like one that does not exist.
 */
@Path("/refunds")
@Tag(name = "Refunds")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CUSTOMER, Roles.STOREFRONT, Roles.OPS})
public class RefundResource {

    private final RefundService refunds;
    private final SecurityIdentity identity;

    RefundResource(RefundService refunds, SecurityIdentity identity) {
        this.refunds = refunds;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "The refund of a return (a list of zero or one)",
            description = "An empty list when the return has no refund yet or is not the caller's.")
    public Uni<List<RefundView>> byReturn(@QueryParam("returnId") String returnId) {
        Access access = Access.of(identity);
        return refunds.forReturn(PathIds.uuid("returnId", returnId))
                .map(list -> list.stream().filter(refund -> access.sees(refund.orderId())).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One refund", description = "404 when unknown or not the caller's.")
    public Uni<RefundView> byId(@PathParam("id") String id) {
        Access access = Access.of(identity);
        return refunds.find(PathIds.uuid("id", id)).map(refund -> access.visibleOrElse(refund,
                refund == null ? null : refund.orderId(), () -> ProblemException.notFound("Refund", id)));
    }
}
