package dev.postventa.returns.exchange;

import dev.postventa.support.problem.Problem.FieldViolation;
import dev.postventa.support.problem.ProblemException;
import dev.postventa.support.security.Access;
import dev.postventa.support.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What a customer may exchange a line for: replacements in stock, before asking for the return. */
@Path("/returns/exchange-options")
@Tag(name = "Returns")
@Produces(MediaType.APPLICATION_JSON)
public class ExchangeOptionsResource {

    private final ExchangeOptionsService service;
    private final SecurityIdentity identity;

    ExchangeOptionsResource(ExchangeOptionsService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.CUSTOMER, Roles.STOREFRONT, Roles.OPS})
    @Operation(summary = "Replacements in stock for a line of an order",
            description = "Other variants of the line's product with stock first, then other products when the shop "
                    + "allows it (postventa.exchange.any-product), each with its price and the difference to what "
                    + "was paid. 400 without orderId or lineId; 404 when the order is unknown or not the caller's; "
                    + "422 when the line is not part of the order.")
    public Uni<ExchangeOptions> options(@QueryParam("orderId") String orderId, @QueryParam("lineId") String lineId) {
        List<FieldViolation> missing = new ArrayList<>();
        if (orderId == null || orderId.isBlank()) {
            missing.add(new FieldViolation("orderId", "is required"));
        }
        if (lineId == null || lineId.isBlank()) {
            missing.add(new FieldViolation("lineId", "is required"));
        }
        if (!missing.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid("Request is not valid", missing));
        }
        if (!Access.of(identity).sees(orderId)) {
            // Not the caller's order: the same answer as an order that does not exist.
            return Uni.createFrom().failure(ProblemException.notFound("Order", orderId));
        }
        return service.options(orderId, lineId);
    }
}
