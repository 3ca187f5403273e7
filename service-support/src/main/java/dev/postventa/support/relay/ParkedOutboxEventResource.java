package dev.postventa.support.relay;

import dev.postventa.support.security.Operators;
import dev.postventa.support.security.Roles;
import dev.postventa.support.web.PathIds;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Operations API over the outbox events Kafka refused for good, in every service from service-support. Blocking
 * methods (a worker thread): the relay's bookkeeping is plain JDBC.
 */
@Path("/ops/outbox/parked")
@Tag(name = "Parked outbox events (operations)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPS)
public class ParkedOutboxEventResource {

    /** The answer to a replay. */
    public record Replayed(UUID id, String state) {
    }

    private final ParkedOutboxEvents parked;
    private final SecurityIdentity identity;

    ParkedOutboxEventResource(ParkedOutboxEvents parked, SecurityIdentity identity) {
        this.parked = parked;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Outbox events Kafka refused for good",
            description = "Newest first, at most 200: id (the event's ce_id), topic, aggregate id (the record key), "
                    + "type, Kafka's refusal, payload size, the event's time and when it was parked. Operations only.")
    public List<ParkedOutboxEvents.View> list() {
        return parked.list();
    }

    @POST
    @Path("/{id}/replay")
    @Operation(summary = "Send a parked event again through the outbox, once its cause is fixed",
            description = "The same event (same ce_id and ce_time, key and payload) is written to the outbox for the "
                    + "relay; refused again, it is parked again. 200 {id, state: REPLAYED}; 404 when no such event is "
                    + "parked (also when it was replayed already); 503 while the relay's slot is lost.")
    public Replayed replay(@PathParam("id") String id) {
        UUID eventId = PathIds.uuid("id", id);
        parked.replay(eventId, Operators.name(identity));
        return new Replayed(eventId, "REPLAYED");
    }
}
