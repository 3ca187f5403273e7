package dev.postventa.support.security;

import dev.postventa.access.AccessTokens;

/** Role names for {@code @RolesAllowed}, which takes compile-time constants (see {@link AccessTokens}). */
public final class Roles {

    public static final String CUSTOMER = AccessTokens.CUSTOMER;
    public static final String OPS = AccessTokens.OPS;
    public static final String STOREFRONT = AccessTokens.STOREFRONT;

    private Roles() {
    }
}
