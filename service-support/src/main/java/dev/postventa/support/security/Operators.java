package dev.postventa.support.security;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who did an operations action, as logged and recorded: the token's subject, else the principal's name. */
public final class Operators {

    private Operators() {
    }

    public static String name(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
            return token.getSubject();
        }
        return identity.getPrincipal().getName();
    }
}
