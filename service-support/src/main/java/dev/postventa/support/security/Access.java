package dev.postventa.support.security;

import dev.postventa.access.AccessTokens;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.json.JsonString;
import java.util.function.Supplier;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * What the caller of one request may see, read once from its verified token so that checks made later in a reactive
 * chain do not depend on the request context. Customers see only the order their token opens; operations and the
 * storefront see every order. A resource that is not the caller's is answered exactly like one that does not exist
 * (404), so ids and order numbers cannot be probed.
 */
public record Access(boolean ops, boolean storefront, String customerOrder) {

    public static Access of(SecurityIdentity identity) {
        String order = null;
        if (identity.hasRole(AccessTokens.CUSTOMER) && identity.getPrincipal() instanceof JsonWebToken token) {
            Object claim = token.getClaim(AccessTokens.ORDER_CLAIM);
            order = claim instanceof JsonString text ? text.getString() : claim == null ? null : claim.toString();
        }
        return new Access(identity.hasRole(AccessTokens.OPS), identity.hasRole(AccessTokens.STOREFRONT), order);
    }

    /** Operations and the storefront act for every customer. */
    public boolean seesEveryOrder() {
        return ops || storefront;
    }

    /** Whether data of this order may be shown to (or changed by) the caller. */
    public boolean sees(String orderId) {
        return seesEveryOrder() || (customerOrder != null && customerOrder.equals(orderId));
    }

    /**
     * The item when the caller may see its order, else the not-found failure (also when the item is null), so
     * "not yours" and "does not exist" cannot be told apart.
     */
    public <T, E extends RuntimeException> T visibleOrElse(T item, String orderOfItem, Supplier<E> notFound) {
        if (item == null || !sees(orderOfItem)) {
            throw notFound.get();
        }
        return item;
    }
}
