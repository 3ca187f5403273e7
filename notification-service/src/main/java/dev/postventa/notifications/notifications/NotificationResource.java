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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the customer was told about a return, in order, with every delivery attempt. */
@Path("/notifications")
@Tag(name = "Notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {

    private final NotificationService notifications;

    NotificationResource(NotificationService notifications) {
        this.notifications = notifications;
    }

    @GET
    @Operation(summary = "The notifications of a return, oldest first")
    public Uni<List<NotificationView>> byReturn(@QueryParam("returnId") String returnId) {
        try {
            return notifications.forReturn(UUID.fromString(returnId == null ? "" : returnId));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "validation", "Request is not valid", "returnId must be a UUID",
                    List.of(new FieldViolation("returnId", "must be a UUID")));
        }
    }
}
