package dev.postventa.notifications.notification;

import dev.postventa.support.security.Access;
import dev.postventa.support.security.Roles;
import dev.postventa.support.web.PathIds;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What the customer was told about a return, in order, with every delivery attempt (subjects, never bodies). A
 * customer's token opens the returns of one order; any other return answers with an empty list, as one nobody has
 * been told about yet.
 */
@Path("/notifications")
@Tag(name = "Notifications", description = "Messages sent to customers about their returns")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CUSTOMER, Roles.STOREFRONT, Roles.OPS})
public class NotificationResource {

    private final NotificationHistory history;
    private final ReturnOrders orders;
    private final SecurityIdentity identity;

    NotificationResource(NotificationHistory history, ReturnOrders orders, SecurityIdentity identity) {
        this.history = history;
        this.orders = orders;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "The notifications of a return, oldest first, with every delivery attempt")
    public Uni<List<NotificationView>> byReturn(
            @Parameter(description = "the return's id (UUID)", required = true) @QueryParam("returnId") String returnId) {
        UUID id = PathIds.uuid("returnId", returnId);
        Access access = Access.of(identity);
        if (access.seesEveryOrder()) {
            return history.ofReturn(id);
        }
        return orders.orderOf(id).chain(order -> order != null && access.sees(order)
                ? history.ofReturn(id) : Uni.createFrom().item(List.<NotificationView>of()));
    }
}
