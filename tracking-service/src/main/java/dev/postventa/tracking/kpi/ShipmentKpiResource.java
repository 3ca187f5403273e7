package dev.postventa.tracking.kpi;

import dev.postventa.support.security.Roles;
import dev.postventa.support.web.DateRange;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operators' shipment KPIs for a range of UTC days. */
@Path("/ops/kpis/shipments")
@Tag(name = "Operations")
@RolesAllowed(Roles.OPS)
public class ShipmentKpiResource {

    private final StalledShipments stalled;
    private final Clock clock;

    ShipmentKpiResource(StalledShipments stalled, Clock clock) {
        this.stalled = stalled;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Shipments created in a range of UTC days: created, delivered, stalled, per carrier",
            description = "from (included) and to (excluded) are ISO dates, UTC; without them the last 30 days. "
                    + "stalledShipments lists at most " + StalledShipments.MAX_LISTED + ", the longest without "
                    + "movement first. 400 for a malformed date, 422 for an empty range or one over 366 days.")
    public Uni<ShipmentKpis> kpis(@QueryParam("from") String from, @QueryParam("to") String to) {
        return stalled.kpis(DateRange.parse(from, to, clock));
    }
}
