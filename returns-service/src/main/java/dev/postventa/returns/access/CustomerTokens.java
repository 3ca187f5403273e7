package dev.postventa.returns.access;

import dev.postventa.access.AccessTokens;
import dev.postventa.returns.orders.OrderSnapshot;
import dev.postventa.support.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Issues customer tokens: a short-lived signed token (JWT) that opens one order in every service. A customer proves
 * the order is theirs with its number and the order's email, as storefronts' order-lookup pages do; the storefront's
 * own servers may ask for any order (to hand the customer a signed link).
 */
@ApplicationScoped
public class CustomerTokens {

    /** An issued token. */
    public record IssuedToken(String token, String tokenType, Instant expiresAt, String orderId) {
    }

    private final AccessConfig config;
    private final Clock clock;
    private final String issuer;

    CustomerTokens(AccessConfig config, Clock clock, @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer) {
        this.config = config;
        this.clock = clock;
        this.issuer = issuer;
    }

    /**
     * Order number + email. The per-order guard row is locked first, so parallel guesses are counted one after the
     * other and the lockout holds exactly; the count is committed even when the answer is a refusal.
     */
    public Uni<IssuedToken> exchange(String orderId, String email) {
        return Panache.withTransaction(() -> guardOf(orderId).chain(guard -> {
            Instant now = clock.instant();
            Duration locked = guard.lockedFor(now);
            if (locked != null) {
                return Uni.createFrom().item(Verdict.locked(locked));
            }
            return OrderSnapshot.<OrderSnapshot>findById(orderId).map(order -> {
                if (order != null && sameEmail(order.contact.email, email)) {
                    guard.succeeded(now);
                    return Verdict.granted(issue(orderId, now));
                }
                guard.failed(now, config);
                return Verdict.refused();
            });
        })).map(Verdict::tokenOrThrow);
    }

    /** For the storefront's servers: any order it knows, no email needed; unknown orders are 404. */
    public Uni<IssuedToken> forStorefront(String orderId) {
        return Panache.withSession(() -> OrderSnapshot.<OrderSnapshot>findById(orderId))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Order", orderId))
                .map(order -> issue(orderId, clock.instant()));
    }

    private IssuedToken issue(String orderId, Instant now) {
        Instant expiresAt = now.plus(config.customerTokenLifetime());
        String token = Jwt.issuer(issuer)
                .subject("order:" + orderId)
                .groups(Set.of(AccessTokens.CUSTOMER))
                .claim(AccessTokens.ORDER_CLAIM, orderId)
                .issuedAt(now)
                .expiresAt(expiresAt)
                .sign();
        return new IssuedToken(token, "Bearer", expiresAt, orderId);
    }

    private static Uni<CustomerTokenGuard> guardOf(String orderId) {
        // Insert-if-absent first, so that even the first two parallel guesses for a number share one locked row.
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        INSERT INTO customer_token_guard (order_id, failures, window_started_at)
                        VALUES (:orderId, 0, now()) ON CONFLICT (order_id) DO NOTHING""")
                        .setParameter("orderId", orderId).executeUpdate())
                .chain(() -> CustomerTokenGuard.<CustomerTokenGuard>findById(orderId, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Case and surrounding spaces do not matter in an email; compared in constant time. */
    static boolean sameEmail(String known, String given) {
        if (known == null || given == null) {
            return false;
        }
        return MessageDigest.isEqual(known.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8),
                given.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }

    /** The outcome decided inside the transaction, turned into an answer only after the count is committed. */
    private record Verdict(IssuedToken token, Duration lockedFor) {
        static Verdict granted(IssuedToken token) {
            return new Verdict(token, null);
        }

        static Verdict refused() {
            return new Verdict(null, null);
        }

        static Verdict locked(Duration lockedFor) {
            return new Verdict(null, lockedFor);
        }

        IssuedToken tokenOrThrow() {
            if (token != null) {
                return token;
            }
            if (lockedFor != null) {
                throw tooManyAttempts(Math.max(1, lockedFor.toSeconds()));
            }
            // The same answer for an unknown order and a wrong email: order numbers cannot be probed.
            throw new ProblemException(401, "order-email-mismatch", "Order number and email do not match",
                    "No order with this number was placed with this email address.", List.of());
        }
    }

    static ProblemException tooManyAttempts(long retryAfterSeconds) {
        return new ProblemException(429, "too-many-attempts", "Too many attempts",
                "Too many attempts for this order number or from this address; try again in " + retryAfterSeconds
                        + " seconds.", List.of()).withHeader("Retry-After", String.valueOf(retryAfterSeconds));
    }
}
