package dev.postventa.tracking.shipment;

import dev.postventa.support.problem.ProblemException;
import dev.postventa.support.security.Access;
import dev.postventa.support.security.Roles;
import dev.postventa.support.web.PathIds;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Read side: a return shipment and its timeline, by tracking number or by return id. A customer's token opens the
 * shipments of one order; another order's shipment answers exactly like one that does not exist.
 */
@Path("/shipments")
@Tag(name = "Shipments")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CUSTOMER, Roles.STOREFRONT, Roles.OPS})
public class ShipmentResource {

    private final SecurityIdentity identity;

    ShipmentResource(SecurityIdentity identity) {
        this.identity = identity;
    }

    @GET
    @Path("/{trackingNumber}")
    @Operation(summary = "A shipment and its scan timeline by tracking number",
            description = "404 when unknown or not the caller's.")
    public Uni<ShipmentView> byTrackingNumber(@PathParam("trackingNumber") String trackingNumber) {
        Access access = Access.of(identity);
        return Panache.withSession(() -> Shipment.<Shipment>find("trackingNumber", trackingNumber).firstResult()
                .map(s -> access.visibleOrElse(s, s == null ? null : s.orderId,
                        () -> ProblemException.notFound("Shipment", trackingNumber)))
                .chain(ShipmentResource::view));
    }

    @GET
    @Operation(summary = "The shipment of a return (a list of zero or one)",
            description = "An empty list when the return has no shipment yet or is not the caller's.")
    public Uni<List<ShipmentView>> byReturn(@QueryParam("returnId") String returnId) {
        UUID id = PathIds.uuid("returnId", returnId);
        Access access = Access.of(identity);
        return Panache.withSession(() -> Shipment.<Shipment>find("returnId", id).firstResult()
                .chain(s -> s == null || !access.sees(s.orderId) ? Uni.createFrom().item(List.<ShipmentView>of())
                        : view(s).map(List::of)));
    }

    private static Uni<ShipmentView> view(Shipment shipment) {
        return Scan.timeline(shipment.id).map(scans -> ShipmentView.of(shipment, scans));
    }
}
