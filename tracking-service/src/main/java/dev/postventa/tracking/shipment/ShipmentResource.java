package dev.postventa.tracking.shipment;

import dev.postventa.support.problem.ProblemException;
import dev.postventa.support.web.PathIds;
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

/** Read side: a return shipment and its timeline, by tracking number or by return id. */
@Path("/shipments")
@Tag(name = "Shipments")
@Produces(MediaType.APPLICATION_JSON)
public class ShipmentResource {

    @GET
    @Path("/{trackingNumber}")
    @Operation(summary = "A shipment and its scan timeline by tracking number")
    public Uni<ShipmentView> byTrackingNumber(@PathParam("trackingNumber") String trackingNumber) {
        return Panache.withSession(() -> Shipment.<Shipment>find("trackingNumber", trackingNumber).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Shipment", trackingNumber))
                .chain(ShipmentResource::view));
    }

    @GET
    @Operation(summary = "The shipment of a return (a list of zero or one)")
    public Uni<List<ShipmentView>> byReturn(@QueryParam("returnId") String returnId) {
        UUID id = PathIds.uuid("returnId", returnId);
        return Panache.withSession(() -> Shipment.<Shipment>find("returnId", id).firstResult()
                .chain(s -> s == null ? Uni.createFrom().item(List.<ShipmentView>of()) : view(s).map(List::of)));
    }

    private static Uni<ShipmentView> view(Shipment shipment) {
        return Scan.timeline(shipment.id).map(scans -> ShipmentView.of(shipment, scans));
    }
}
