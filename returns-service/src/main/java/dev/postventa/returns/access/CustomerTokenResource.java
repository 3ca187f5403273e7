package dev.postventa.returns.access;

import dev.postventa.support.problem.Problem.FieldViolation;
import dev.postventa.support.problem.ProblemException;
import dev.postventa.support.security.Roles;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Where a customer gets the token that opens their order in every Postventa API. Open to anyone (that is its point),
 * so it is rate limited per client address and locked per order number after repeated wrong emails.
 */
@Path("/customer-tokens")
@Tag(name = "Access")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerTokenResource {

    private final CustomerTokens tokens;
    private final AddressRateLimiter limiter;
    private final CurrentIdentityAssociation identities;

    CustomerTokenResource(CustomerTokens tokens, AddressRateLimiter limiter, CurrentIdentityAssociation identities) {
        this.tokens = tokens;
        this.limiter = limiter;
        this.identities = identities;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Get a customer token for one order",
            description = "Body {orderId, email}: 200 {token, tokenType, expiresAt, orderId} when the email is the "
                    + "order's (case-insensitive); 401 problem+json when it is not or the order is unknown (the same "
                    + "answer); 429 with Retry-After after 5 wrong emails for one order number in 15 minutes, or 30 "
                    + "attempts from one address in a minute. With the storefront's bearer token the email may be "
                    + "left out (to hand out signed links); unknown orders are then 404.")
    public Uni<CustomerTokens.IssuedToken> issue(@Valid @NotNull(message = "a JSON body is required")
                                                 CustomerTokenRequest request,
                                                 @Context HttpServerRequest http) {
        // Authentication is lazy (no token needed here): the caller's identity is resolved only now.
        return identities.getDeferredIdentity().chain(identity -> identity.hasRole(Roles.STOREFRONT)
                && request.email() == null ? tokens.forStorefront(request.orderId()) : exchange(request, http));
    }

    private Uni<CustomerTokens.IssuedToken> exchange(CustomerTokenRequest request, HttpServerRequest http) {
        if (request.email() == null || request.email().isBlank()) {
            return Uni.createFrom().failure(ProblemException.invalid("Request is not valid",
                    List.of(new FieldViolation("email", "is required: the email address the order was placed with"))));
        }
        String address = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        if (!limiter.tryAcquire(address)) {
            return Uni.createFrom().failure(CustomerTokens.tooManyAttempts(limiter.secondsToNextMinute()));
        }
        return tokens.exchange(request.orderId(), request.email());
    }
}
