package dev.postventa.support.security;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * Refuses to start a production service that could not verify (or, for the issuer, sign) access tokens. No key is
 * built into any service: without one every call would be refused anyway, and failing at start names the setting
 * instead of leaving operators with a wall of 401s. Tests and the local stack hand their own dev keys in.
 */
@ApplicationScoped
public class AccessKeysCheck {

    static final String VERIFY_KEY = "mp.jwt.verify.publickey";
    static final String VERIFY_KEY_LOCATION = "mp.jwt.verify.publickey.location";
    static final String SIGN_KEY = "smallrye.jwt.sign.key";
    static final String SIGN_KEY_LOCATION = "smallrye.jwt.sign.key.location";
    /** Set by the service that issues customer tokens (returns-service). */
    static final String ISSUES_TOKENS = "postventa.security.issues-customer-tokens";

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start, Config config) {
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return;
        }
        List<String> problems = problems(config);
        if (!problems.isEmpty()) {
            String service = config.getOptionalValue("postventa.service-name", String.class).orElse("the service");
            throw new IllegalStateException(service + " cannot start: " + String.join("; ", problems));
        }
    }

    /** What is missing, one sentence each; empty when the service may start. */
    static List<String> problems(Config config) {
        List<String> problems = new ArrayList<>();
        if (unset(config, VERIFY_KEY) && unset(config, VERIFY_KEY_LOCATION)) {
            problems.add("no key to verify access tokens: set MP_JWT_VERIFY_PUBLICKEY_LOCATION (a PEM public key or a "
                    + "JWKS, file: or https:) or MP_JWT_VERIFY_PUBLICKEY (its text); no key is built in");
        }
        if (config.getOptionalValue(ISSUES_TOKENS, Boolean.class).orElse(false)
                && unset(config, SIGN_KEY) && unset(config, SIGN_KEY_LOCATION)) {
            problems.add("no key to sign customer tokens: set SMALLRYE_JWT_SIGN_KEY_LOCATION (a PKCS#8 PEM private key) "
                    + "or SMALLRYE_JWT_SIGN_KEY (its text), the pair of the public key the services verify with");
        }
        return problems;
    }

    private static boolean unset(Config config, String name) {
        return config.getOptionalValue(name, String.class).map(String::isBlank).orElse(true);
    }
}
