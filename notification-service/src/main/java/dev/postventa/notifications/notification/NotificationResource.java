package dev.postventa.notifications.notification;

import dev.postventa.support.web.PathIds;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the customer was told about a return, in order, with every delivery attempt. */
@Path("/notifications")
@Tag(name = "Notifications", description = "Messages sent to customers about their returns")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {

    private final NotificationHistory history;

    NotificationResource(NotificationHistory history) {
        this.history = history;
    }

    @GET
    @Operation(summary = "The notifications of a return, oldest first, with every delivery attempt")
    public Uni<List<NotificationView>> byReturn(
            @Parameter(description = "the return's id (UUID)", required = true) @QueryParam("returnId") String returnId) {
        return history.ofReturn(PathIds.uuid("returnId", returnId));
    }
}
