package dev.postventa.returns.inspection;

import dev.postventa.returns.request.ReturnView;
import dev.postventa.support.security.Roles;
import dev.postventa.support.web.PathIds;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The warehouse's inspection of a received return (operations only). */
@Path("/returns/{id}/inspection")
@Tag(name = "Returns inspection (operations)")
@Produces(MediaType.APPLICATION_JSON)
public class InspectionResource {

    private final Inspection inspection;

    InspectionResource(Inspection inspection) {
        this.inspection = inspection;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "Record what the warehouse found in a RECEIVED return and settle it",
            description = "Body {\"lines\": [{\"lineId\", \"acceptedQuantity\", \"grade\" (RESELLABLE, DAMAGED, "
                    + "MISSING, WRONG_ITEM), \"note\"}]}, one entry per shipped line (kept lines are not inspected). "
                    + "200 with the return, now RESOLVED with its inspection and resolution; ReturnInspected and "
                    + "ReturnResolved are published. 422 problem+json, field by field, for an unknown or missing line, "
                    + "a quantity below 0 or above the units returned, or an unknown grade; 409 when the return is not "
                    + "RECEIVED (inspected already, or not arrived); 404 when unknown.")
    public Uni<ReturnView> inspect(@PathParam("id") String id, InspectionRequest body) {
        return inspection.inspect(PathIds.uuid("id", id), body);
    }
}
