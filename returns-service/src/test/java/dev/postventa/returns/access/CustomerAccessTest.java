package dev.postventa.returns.access;

import static dev.postventa.infra.Callers.management;
import static dev.postventa.infra.Callers.anonymous;
import static dev.postventa.infra.Callers.asCustomerOf;
import static dev.postventa.infra.Callers.asOps;
import static dev.postventa.infra.Callers.asStorefront;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.postventa.infra.DevKeys;
import dev.postventa.infra.ParallelRequests;
import dev.postventa.infra.PostventaTestResource;
import dev.postventa.infra.TestTokens;
import dev.postventa.returns.Orders;
import dev.postventa.returns.ReturnsTestSupport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Who may read and change which returns: a customer proves an order is theirs with its number and email and then sees
 * only that order; anything else answers as if it did not exist. Operations review; the storefront acts for anyone.
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "returns"))
class CustomerAccessTest extends ReturnsTestSupport {

    @jakarta.inject.Inject
    CustomerTokenGuardSweep sweep;
    @jakarta.inject.Inject
    io.vertx.core.Vertx vertx;

    private static final String EMAIL = "ana@example.mx";

    @Test
    void theOrdersEmailGivesATokenThatOpensThatOrderOnly() {
        String mine = deliveredOrder();
        String theirs = deliveredOrder();
        String theirReturn = createdReturn(theirs);

        String token = anonymous().contentType(ContentType.JSON)
                .body(Map.of("orderId", mine, "email", "  Ana@Example.MX "))
                .post("/customer-tokens").then()
                .statusCode(200)
                .body("tokenType", equalTo("Bearer"))
                .body("orderId", equalTo(mine))
                .body("expiresAt", not(emptyOrNullString()))
                .extract().path("token");

        // The token opens the customer's own order: a return is created and read back.
        String myReturn = RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(returnBody(mine, Orders.SHIRT, 1, "SIZE_TOO_SMALL"))
                .post("/returns").then().statusCode(201).extract().path("id");
        RestAssured.given().auth().oauth2(token).get("/returns/" + myReturn).then()
                .statusCode(200).body("orderId", equalTo(mine));
        RestAssured.given().auth().oauth2(token).queryParam("orderId", mine).get("/returns").then()
                .statusCode(200).body("id", equalTo(List.of(myReturn)));

        // Another order's return, list and a return of it answer exactly like things that do not exist.
        var notYours = RestAssured.given().auth().oauth2(token).get("/returns/" + theirReturn).then()
                .statusCode(404).contentType(startsWith("application/problem+json")).extract().<String>path("title");
        var unknown = RestAssured.given().auth().oauth2(token).get("/returns/" + java.util.UUID.randomUUID()).then()
                .statusCode(404).extract().<String>path("title");
        assertThat(notYours).isEqualTo(unknown);
        RestAssured.given().auth().oauth2(token).queryParam("orderId", theirs).get("/returns").then()
                .statusCode(404).contentType(startsWith("application/problem+json"));
        RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(returnBody(theirs, Orders.SHIRT, 1, "SIZE_TOO_SMALL"))
                .post("/returns").then().statusCode(422)
                .body("violations[0].field", equalTo("orderId"))
                .body("violations[0].message", equalTo("order " + theirs + " is unknown"));
        assertThat(count("select count(*) from return_request where order_id = ?", theirs)).isEqualTo(1);

        // Review is for operations only.
        RestAssured.given().auth().oauth2(token).post("/returns/" + myReturn + "/approve").then()
                .statusCode(403).contentType(startsWith("application/problem+json"));
    }

    @Test
    void aWrongEmailAndAnUnknownOrderGetTheSameRefusal() {
        String order = deliveredOrder();
        var wrongEmail = anonymous().contentType(ContentType.JSON)
                .body(Map.of("orderId", order, "email", "someone@example.mx")).post("/customer-tokens").then()
                .statusCode(401).contentType(startsWith("application/problem+json")).extract();
        var unknownOrder = anonymous().contentType(ContentType.JSON)
                .body(Map.of("orderId", Orders.newOrderId(), "email", EMAIL)).post("/customer-tokens").then()
                .statusCode(401).contentType(startsWith("application/problem+json")).extract();
        assertThat(wrongEmail.<String>path("title")).isEqualTo(unknownOrder.path("title"));
        assertThat(wrongEmail.<String>path("detail")).isEqualTo(unknownOrder.path("detail"));
        anonymous().contentType(ContentType.JSON).body(Map.of("orderId", order)).post("/customer-tokens").then()
                .statusCode(400).body("violations[0].field", equalTo("email"));
    }

    @Test
    void parallelGuessesAreCountedOneByOneAndLockTheOrderNumber() throws Exception {
        String order = deliveredOrder();
        URI uri = URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/customer-tokens");
        List<HttpRequest> guesses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            guesses.add(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"orderId\": \"" + order + "\", \"email\": \"guess" + i + "@example.mx\"}")).build());
        }
        Map<Integer, Long> statuses = ParallelRequests.sendAtOnce(guesses).stream()
                .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));

        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(401, 5L, 429, 15L));
        assertThat(count("select failures from customer_token_guard where order_id = ?", order)).isEqualTo(5);
        // Locked: even the right email waits now.
        anonymous().contentType(ContentType.JSON).body(Map.of("orderId", order, "email", EMAIL))
                .post("/customer-tokens").then()
                .statusCode(429).contentType(startsWith("application/problem+json"))
                .header("Retry-After", not(emptyOrNullString()));
    }

    @Test
    void theStorefrontGetsACustomerTokenForAnyKnownOrderWithoutTheEmail() {
        String order = deliveredOrder();
        String token = asStorefront().contentType(ContentType.JSON).body(Map.of("orderId", order))
                .post("/customer-tokens").then().statusCode(200).extract().path("token");
        RestAssured.given().auth().oauth2(token).queryParam("orderId", order).get("/returns").then().statusCode(200);
        asStorefront().contentType(ContentType.JSON).body(Map.of("orderId", Orders.newOrderId()))
                .post("/customer-tokens").then().statusCode(404);
    }

    @Test
    void callsWithoutAValidTokenAreRefusedWithAProblem() {
        String order = deliveredOrder();
        anonymous().queryParam("orderId", order).get("/returns").then()
                .statusCode(401).contentType(startsWith("application/problem+json"))
                .header("WWW-Authenticate", startsWith("Bearer"));
        anonymous().contentType(ContentType.JSON).body(returnBody(order, Orders.SHIRT, 1, "DEFECTIVE"))
                .post("/returns").then().statusCode(401);
        // Signed by a key nobody configured, or expired: refused the same way.
        String forged = DevKeys.generate().ops("mallory", Duration.ofHours(1));
        RestAssured.given().auth().oauth2(forged).queryParam("orderId", order).get("/returns").then()
                .statusCode(401).contentType(startsWith("application/problem+json"));
        String expired = TestTokens.keys().sign("ops-test", "ops", null, Duration.ofMinutes(-10));
        RestAssured.given().auth().oauth2(expired).queryParam("orderId", order).get("/returns").then()
                .statusCode(401);
        // A valid token with a role nobody grants sees nothing.
        String stranger = TestTokens.keys().sign("x", "partner", null, Duration.ofHours(1));
        RestAssured.given().auth().oauth2(stranger).queryParam("orderId", order).get("/returns").then()
                .statusCode(403);
        assertThat(count("select count(*) from return_request where order_id = ?", order)).isZero();
        // Operations and health need no customer token; health needs none at all.
        asOps().queryParam("orderId", order).get("/returns").then().statusCode(200);
        management().get("/q/health/live").then().statusCode(200);
        asCustomerOf(order).queryParam("orderId", order).get("/returns").then().statusCode(200);
    }

    @Test
    void theSweepForgetsGuardsWhoseWindowAndLockHaveEnded() {
        String ended = "SWEEP-" + Orders.newOrderId();
        String stillLocked = "SWEEP-" + Orders.newOrderId();
        String counting = "SWEEP-" + Orders.newOrderId();
        execute("insert into customer_token_guard values ('" + ended + "', 5, now() - interval '2 hours', "
                + "now() - interval '1 hour')");
        execute("insert into customer_token_guard values ('" + stillLocked + "', 5, now() - interval '2 hours', "
                + "now() + interval '10 minutes')");
        execute("insert into customer_token_guard values ('" + counting + "', 2, now() - interval '1 minute', null)");

        runOnVertxContext(sweep::sweep);

        assertThat(count("select count(*) from customer_token_guard where order_id = ?", ended)).isZero();
        assertThat(count("select count(*) from customer_token_guard where order_id in (?, ?)", stillLocked, counting))
                .isEqualTo(2);
    }

    /** Runs a scheduled job's work as the scheduler does: on a (safe, duplicated) Vert.x context. */
    private void runOnVertxContext(java.util.function.Supplier<io.smallrye.mutiny.Uni<Void>> job) {
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        io.vertx.core.Context context = io.smallrye.common.vertx.VertxContext.getOrCreateDuplicatedContext(vertx);
        io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> job.get().subscribe().with(done::complete, done::completeExceptionally));
        done.orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
    }


    private static String createdReturn(String orderId) {
        return postReturn(returnBody(orderId, Orders.SNEAKERS, 1, "DEFECTIVE"), null).statusCode(201)
                .extract().path("id");
    }

}
