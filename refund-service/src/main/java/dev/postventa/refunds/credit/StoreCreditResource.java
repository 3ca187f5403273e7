package dev.postventa.refunds.credit;

import dev.postventa.support.problem.Problem.FieldViolation;
import dev.postventa.support.problem.ProblemException;
import dev.postventa.support.security.Access;
import dev.postventa.support.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Store credit: a customer's balance and ledger (operations, the storefront, and the customer whose order's return
 * was credited to it), and redemptions by the storefront. Every refusal is problem+json, field by field.
 */
@Path("/store-credit")
@Tag(name = "Store credit")
@Produces(MediaType.APPLICATION_JSON)
public class StoreCreditResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int MAX_TEXT = 255;

    private final StoreCreditService credits;
    private final SecurityIdentity identity;

    StoreCreditResource(StoreCreditService credits, SecurityIdentity identity) {
        this.credits = credits;
        this.identity = identity;
    }

    @GET
    @Path("/accounts")
    @RolesAllowed({Roles.CUSTOMER, Roles.STOREFRONT, Roles.OPS})
    @Operation(summary = "A customer's store credit in one currency: balance and ledger",
            description = "By customerId, or email for a guest. A customer's token opens the account when a return of "
                    + "its order was credited to it; otherwise, and when there is no account, 404.")
    public Uni<AccountView> account(@QueryParam("customerId") String customerId, @QueryParam("email") String email,
                                    @QueryParam("currency") String currency) {
        List<FieldViolation> violations = new ArrayList<>();
        checkCustomer(customerId, email, violations);
        checkCurrency(currency, violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid("Invalid store credit query", violations);
        }
        Access access = Access.of(identity);
        String who = customerId != null && !customerId.isBlank() ? customerId : "email " + email;
        return credits.account(customerId, email, currency).map(account -> {
            // Not the caller's answers exactly like none at all, as refunds do: accounts cannot be probed.
            if (account == null || !(access.seesEveryOrder()
                    || account.creditedOrders().stream().anyMatch(access::sees))) {
                throw ProblemException.notFound("Store credit account", who + " " + currency);
            }
            return account;
        });
    }

    @POST
    @Path("/redemptions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STOREFRONT, Roles.OPS})
    @Operation(summary = "Spend store credit",
            description = "Spends the oldest-expiring credit first; never more than the balance (422). A retry with the "
                    + "same Idempotency-Key answers the first redemption; the same key with another body is 422.")
    public Uni<Response> redeem(RedeemStoreCredit body,
                                @Parameter(description = "Required: makes a retried request answer the first result")
                                @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        List<FieldViolation> violations = new ArrayList<>();
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            violations.add(new FieldViolation(IDEMPOTENCY_KEY, "the Idempotency-Key header is required"));
        } else if (idempotencyKey.length() > MAX_TEXT) {
            violations.add(new FieldViolation(IDEMPOTENCY_KEY, "at most " + MAX_TEXT + " characters"));
        }
        if (body == null) {
            violations.add(new FieldViolation("body", "a JSON body is required"));
        } else {
            checkCustomer(body.customerId(), body.email(), violations);
            boolean currencyOk = checkCurrency(body.currency(), violations);
            checkAmount(body.amount(), currencyOk ? body.currency() : null, violations);
            if (body.reference() == null || body.reference().isBlank()) {
                violations.add(new FieldViolation("reference", "is required"));
            } else if (body.reference().length() > MAX_TEXT) {
                violations.add(new FieldViolation("reference", "at most " + MAX_TEXT + " characters"));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid("Invalid redemption", violations);
        }
        return credits.redeem(body, idempotencyKey)
                .onFailure(InsufficientStoreCreditException.class).transform(e ->
                        ProblemException.unprocessable("insufficient-store-credit", "Insufficient store credit",
                                List.of(new FieldViolation("amount", e.getMessage()))))
                .map(redemption -> Response.status(Response.Status.CREATED).entity(redemption.view())
                        .header("Idempotent-Replayed", String.valueOf(redemption.replayed())).build());
    }

    private static void checkCustomer(String customerId, String email, List<FieldViolation> violations) {
        boolean noId = customerId == null || customerId.isBlank();
        if (noId && (email == null || email.isBlank())) {
            violations.add(new FieldViolation("customerId", "customerId (or email, for a guest) is required"));
        } else if ((noId ? email : customerId).length() > MAX_TEXT) {
            violations.add(new FieldViolation(noId ? "email" : "customerId", "at most " + MAX_TEXT + " characters"));
        }
    }

    private static boolean checkCurrency(String currency, List<FieldViolation> violations) {
        if (currency == null || currency.isBlank()) {
            violations.add(new FieldViolation("currency", "is required"));
            return false;
        }
        try {
            if (!currency.equals(currency.toUpperCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException();
            }
            Currency.getInstance(currency);
            return true;
        } catch (IllegalArgumentException e) {
            violations.add(new FieldViolation("currency", "not an ISO 4217 currency code: " + currency));
            return false;
        }
    }

    private static void checkAmount(BigDecimal amount, String currency, List<FieldViolation> violations) {
        if (amount == null) {
            violations.add(new FieldViolation("amount", "is required"));
        } else if (amount.signum() <= 0) {
            violations.add(new FieldViolation("amount", "must be more than 0"));
        } else if (currency != null && amount.stripTrailingZeros().scale()
                > Currency.getInstance(currency).getDefaultFractionDigits()) {
            violations.add(new FieldViolation("amount", "has more decimals than " + currency + " has"));
        }
    }
}
