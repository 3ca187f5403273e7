package dev.postventa.returns.cancel;

import dev.postventa.returns.request.ReturnView;
import dev.postventa.support.security.Access;
import dev.postventa.support.security.Roles;
import dev.postventa.support.web.PathIds;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The customer cancels a return before the carrier picks it up (operations may too). */
@Path("/returns/{id}/cancellation")
@Tag(name = "Returns")
@Produces(MediaType.APPLICATION_JSON)
public class CancellationResource {

    private final Cancellation cancellation;
    private final SecurityIdentity identity;

    CancellationResource(Cancellation cancellation, SecurityIdentity identity) {
        this.cancellation = cancellation;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({Roles.CUSTOMER, Roles.STOREFRONT, Roles.OPS})
    @Operation(summary = "Cancel a return before the carrier picks it up",
            description = "200 with the return, now CANCELLED; ReturnCancelled is published and its units may be "
                    + "returned again. Cancelling a cancelled return answers 200 with the same return. 409 "
                    + "problem+json once the carrier picked it up (already-picked-up) or when it was rejected or "
                    + "resolved; 404 when unknown or not the caller's.")
    public Uni<ReturnView> cancel(@PathParam("id") String id) {
        Access access = Access.of(identity);
        return cancellation.cancel(PathIds.uuid("id", id), access::sees);
    }
}
