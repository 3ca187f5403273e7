package dev.postventa.access;

/**
 * The contract of the bearer tokens every Postventa API accepts (JWT, RS256), shared by the one service that issues
 * customer tokens (returns-service), the services that verify them, and the tools that mint operator and storefront
 * tokens (the local stack, tests). Who may call what is decided from these names only.
 *
 * <ul>
 *   <li>{@code iss}: the configured issuer ({@code JWT_ISSUER}, default {@link #DEFAULT_ISSUER});</li>
 *   <li>{@code groups}: exactly one of {@link #CUSTOMER}, {@link #OPS}, {@link #STOREFRONT};</li>
 *   <li>{@link #ORDER_CLAIM}: for a customer, the one order (the storefront's order number) the token opens;</li>
 *   <li>{@code exp}: customers' tokens are short-lived (30 minutes by default); operators' and the storefront's
 *       come from whoever runs the identity provider.</li>
 * </ul>
 */
public final class AccessTokens {

    /** A customer who proved they own one order (order number + the order's email, or a storefront link). */
    public static final String CUSTOMER = "customer";
    /** Operations and warehouse staff: every order, review, dead letters. */
    public static final String OPS = "ops";
    /** The storefront's own servers, calling on behalf of any of its customers. */
    public static final String STOREFRONT = "storefront";

    /** The claim naming the order a customer token opens. */
    public static final String ORDER_CLAIM = "order_id";

    /** The issuer when {@code JWT_ISSUER} is not set. */
    public static final String DEFAULT_ISSUER = "https://postventa.dev/issuer";

    private AccessTokens() {
    }
}
