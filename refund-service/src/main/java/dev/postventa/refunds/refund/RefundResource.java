package dev.postventa.refunds.refund;

import dev.postventa.support.problem.ProblemException;
import dev.postventa.support.web.PathIds;
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

/** "Where is my refund?": refunds by return id or by id. */
@Path("/refunds")
@Tag(name = "Refunds")
@Produces(MediaType.APPLICATION_JSON)
public class RefundResource {

    private final RefundService refunds;

    RefundResource(RefundService refunds) {
        this.refunds = refunds;
    }

    @GET
    @Operation(summary = "The refund of a return (a list of zero or one)")
    public Uni<List<RefundView>> byReturn(@QueryParam("returnId") String returnId) {
        return refunds.forReturn(PathIds.uuid("returnId", returnId));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One refund")
    public Uni<RefundView> byId(@PathParam("id") String id) {
        return refunds.find(PathIds.uuid("id", id))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Refund", id));
    }
}
