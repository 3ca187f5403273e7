package dev.postventa.returns.kpi;

import dev.postventa.returns.feedback.FeedbackKpis;
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
import org.jboss.logging.Logger;

/** Operations learn from returns: the return KPIs of a range of UTC days. */
@Path("/ops/kpis")
@Tag(name = "Operations")
@Produces(MediaType.APPLICATION_JSON)
public class KpiResource {

    private static final Logger LOG = Logger.getLogger(KpiResource.class);

    private final KpiQuery query;
    private final FeedbackKpis feedback;
    private final Clock clock;

    KpiResource(KpiQuery query, FeedbackKpis feedback, Clock clock) {
        this.query = query;
        this.feedback = feedback;
        this.clock = clock;
    }

    @GET
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "Return KPIs of returns requested (and orders placed) in [from, to), UTC days; "
            + "default the last 30 days")
    public Uni<KpiView> kpis(@QueryParam("from") String from, @QueryParam("to") String to) {
        DateRange range = DateRange.parse(from, to, clock);
        LOG.debugf("KPIs of %s .. %s", range.from(), range.to());
        return query.kpis(range).chain(view -> feedback.of(range).map(view::withFeedback));
    }
}
