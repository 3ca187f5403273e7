package dev.postventa.notifications.merchant;

import dev.postventa.support.problem.Problem.FieldViolation;
import dev.postventa.support.problem.ProblemException;
import dev.postventa.support.security.Roles;
import dev.postventa.support.web.PathIds;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Merchant webhook subscriptions: operations and the storefront (the shop's own systems) subscribe a URL to event
 * types, list them, read their recent deliveries and delete them. Customers may not (403).
 */
@Path("/merchant-webhooks")
@Tag(name = "Merchant webhooks", description = "Return events pushed to the merchant's systems, signed (Standard Webhooks)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPS, Roles.STOREFRONT})
public class MerchantWebhookResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int MAX_KEY = 200;

    private final MerchantWebhooks webhooks;

    MerchantWebhookResource(MerchantWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribes a URL to event types; the answer shows the signing secret",
            description = "One active subscription per URL (a second is 409). With an Idempotency-Key, a retry answers "
                    + "the first creation again, secret included; the same key with another request is 422.")
    public Uni<Response> subscribe(SubscriptionRequest request,
                                   @Parameter(description = "Optional, at most 200 characters: makes a retried "
                                           + "request answer the first creation")
                                   @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY)) {
            throw ProblemException.invalid("Subscription is not valid", List.of(new FieldViolation(IDEMPOTENCY_KEY,
                    "must be 1 to " + MAX_KEY + " characters when given")));
        }
        return webhooks.subscribe(request, idempotencyKey).map(created -> Response
                .created(URI.create("/merchant-webhooks/" + created.id())).entity(created).build());
    }

    @GET
    @Operation(summary = "The active subscriptions, oldest first (without secrets)")
    public Uni<List<SubscriptionView>> list() {
        return webhooks.list();
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "A subscription's recent deliveries, newest first")
    public Uni<List<DeliveryView>> deliveries(@PathParam("id") String id) {
        return webhooks.deliveries(PathIds.uuid("id", id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Stops a subscription's deliveries (pending ones are cancelled); deleting again is a no-op")
    public Uni<Response> delete(@PathParam("id") String id) {
        return webhooks.delete(PathIds.uuid("id", id)).map(ignored -> Response.noContent().build());
    }
}
