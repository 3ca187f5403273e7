package dev.postventa.notifications.notifications;

import dev.postventa.support.problem.Problem.FieldViolation;
import dev.postventa.support.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the customer was told about a return, in order, with every delivery attempt. */
@Path("/notifications")
@Tag(name = "Notifications", description = "Messages sent to customers about their returns")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {

    private static final Pattern CANONICAL_UUID =
            Pattern.compile("\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");

    private final NotificationHistory history;

    NotificationResource(NotificationHistory history) {
        this.history = history;
    }

    @GET
    @Operation(summary = "The notifications of a return, oldest first, with every delivery attempt")
    public Uni<List<NotificationView>> byReturn(
            @Parameter(description = "the return's id (UUID)", required = true) @QueryParam("returnId") String returnId) {
        return history.ofReturn(parse(returnId));
    }

    // Parsed here rather than bound as a UUID: JAX-RS answers 404 to a query parameter it cannot convert, and
    // UUID.fromString also accepts short forms such as "1-2-3-4-5".
    private static UUID parse(String returnId) {
        if (returnId == null || !CANONICAL_UUID.matcher(returnId).matches()) {
            throw new ProblemException(400, "validation", "Request is not valid", "returnId: must be a UUID",
                    List.of(new FieldViolation("returnId", "must be a UUID")));
        }
        return UUID.fromString(returnId);
    }
}
