package dev.postventa.notifications.preferences;

import dev.postventa.support.problem.Problem;
import dev.postventa.support.problem.ProblemException;
import dev.postventa.support.security.Access;
import dev.postventa.support.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A customer's message preferences: the customer of the token's order reads and changes their own; operations read
 * anyone's (by customer id, or email for a guest) but do not change them — the choice is the customer's.
 */
@Path("/preferences")
@Tag(name = "Preferences", description = "How and when a customer wants to be told")
@Produces(MediaType.APPLICATION_JSON)
public class PreferencesResource {

    private final Preferences preferences;
    private final OrderCustomers orders;
    private final SecurityIdentity identity;

    PreferencesResource(Preferences preferences, OrderCustomers orders, SecurityIdentity identity) {
        this.preferences = preferences;
        this.orders = orders;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.CUSTOMER, Roles.OPS})
    @Operation(summary = "The preferences of the token's customer (operations: of the customer named)")
    public Uni<PreferencesView> read(
            @Parameter(description = "operations only: the storefront's customer id") @QueryParam("customerId")
            String customerId,
            @Parameter(description = "operations only: a guest's email") @QueryParam("email") String email) {
        Access access = Access.of(identity);
        if (access.ops()) {
            String key = customerId != null && !customerId.isBlank() ? customerId.strip()
                    : email != null && !email.isBlank() ? PreferenceKeys.ofEmail(email) : null;
            if (key == null) {
                throw ProblemException.invalid("Whose preferences?",
                        List.of(new Problem.FieldViolation("customerId", "give customerId or email")));
            }
            return preferences.view(key);
        }
        return customerOfToken(access).chain(preferences::view);
    }

    @PUT
    @RolesAllowed(Roles.CUSTOMER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sets the token's customer's channels, phone, opt-out of non-essential messages and quiet hours")
    public Uni<PreferencesView> write(PreferencesRequest request) {
        List<String> channels = PreferenceRules.check(request);
        return customerOfToken(Access.of(identity)).chain(key -> preferences.save(key, channels, request));
    }

    private Uni<String> customerOfToken(Access access) {
        String order = access.customerOrder();
        if (order == null) {
            return Uni.createFrom().failure(ProblemException.notFound("Customer of order", "(none)"));
        }
        return orders.customerOf(order).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("Customer of order", order));
    }
}
