package dev.postventa.support.deadletter;

import dev.postventa.support.security.Operators;
import dev.postventa.support.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Operations API over the service's dead-letter topic: list, replay one or all, park. Every service gets it from
 * service-support. Methods are blocking (plain return types run on a worker thread): they use Kafka clients and JDBC.
 */
@Path("/ops/dead-letters")
@Tag(name = "Dead letters (operations)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPS)
public class DeadLetterResource {

    /** Answer of replay-all. */
    public record Replayed(int replayed) {
    }

    private final DeadLetters deadLetters;
    private final SecurityIdentity identity;

    DeadLetterResource(DeadLetters deadLetters, SecurityIdentity identity) {
        this.deadLetters = deadLetters;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "The service's dead-lettered messages",
            description = "Read from the dead-letter topic, oldest first, at most postventa.dead-letters.max-listed "
                    + "(500): reason, cause, original topic/partition/offset, payload (UTF-8 text or base64) and "
                    + "state (NEW, REPLAYED, PARKED). Operations only.")
    public List<DeadLetterView> list() {
        return deadLetters.list();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One dead-lettered message", description = "id is <partition>-<offset>; 404 when unknown.")
    public DeadLetterView get(@PathParam("id") String id) {
        return deadLetters.get(DeadLetterId.parse(id));
    }

    @POST
    @Path("/{id}/replay")
    @Operation(summary = "Send a dead-lettered message back to its original topic",
            description = "Same key, value and headers (minus dead-letter-*). Consumers are idempotent: replaying "
                    + "again is allowed and recorded, and changes nothing once the message was applied. 200 with the "
                    + "message, now REPLAYED (PARKED stays PARKED); 404 when unknown.")
    public DeadLetterView replay(@PathParam("id") String id) {
        return deadLetters.replay(DeadLetterId.parse(id), Operators.name(identity));
    }

    @POST
    @Path("/replay-all")
    @Operation(summary = "Replay every NEW dead-lettered message",
            description = "Parked and already replayed messages are left alone. Answers {\"replayed\": n}.")
    public Replayed replayAll() {
        return new Replayed(deadLetters.replayAll(Operators.name(identity)));
    }

    @POST
    @Path("/{id}/park")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mark a dead-lettered message as handled",
            description = "Body {\"note\"} (required, at most 500 characters). 200 with the message, now PARKED: "
                    + "replay-all never replays it. 404 when unknown.")
    public DeadLetterView park(@PathParam("id") String id,
                               @Valid @NotNull(message = "a JSON body with a note is required") ParkDeadLetter body) {
        return deadLetters.park(DeadLetterId.parse(id), body.note(), Operators.name(identity));
    }
}
