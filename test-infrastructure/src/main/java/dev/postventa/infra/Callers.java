package dev.postventa.infra;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * RestAssured requests made as each kind of caller of the Postventa APIs, with tokens from {@link TestTokens}: a test
 * says who is calling, as a production caller must.
 */
public final class Callers {

    private Callers() {
    }

    /** Operations staff: every order, review. */
    public static RequestSpecification asOps() {
        return given().auth().oauth2(TestTokens.ops());
    }

    /** The storefront's servers, acting for any of the shop's customers. */
    public static RequestSpecification asStorefront() {
        return given().auth().oauth2(TestTokens.storefront());
    }

    /** A customer holding the token of one order. */
    public static RequestSpecification asCustomerOf(String orderId) {
        return given().auth().oauth2(TestTokens.customer(orderId));
    }

    /** Nobody: no Authorization header. */
    public static RequestSpecification anonymous() {
        return given();
    }

    /**
     * The service's management interface (health, metrics, OpenAPI, Swagger UI): its own port, no token, as probes,
     * Prometheus and people inside the network call it.
     */
    public static RequestSpecification management() {
        return given().port(ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class));
    }

    /** The header value for requests sent without RestAssured ({@code java.net.http}, parallel requests). */
    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
