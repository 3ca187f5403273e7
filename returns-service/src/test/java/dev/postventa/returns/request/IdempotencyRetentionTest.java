package dev.postventa.returns.request;

import dev.postventa.infra.Callers;
import dev.postventa.infra.TestTokens;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.postventa.infra.PostventaTestResource;
import dev.postventa.returns.Orders;
import dev.postventa.returns.ReturnsTestSupport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Idempotency-Keys of {@code POST /returns} are forgotten after {@code postventa.returns.idempotency-retention}
 * (7 days; the sweep runs every 2 s in batches of 2 under the %test settings of application.properties); the returns they created stay,
 * and a retry after the retention is a new request that the over-return rule still bounds.
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "returns"))
class IdempotencyRetentionTest extends ReturnsTestSupport {

    @Test
    void keysOlderThanTheRetentionAreDeletedInBatchesAndYoungerOnesKept() {
        String orderId = Orders.newOrderId();
        Instant placed = Instant.now().minus(3, ChronoUnit.DAYS);
        publish(Orders.deliveredSocks(orderId, 6, placed, placed.plus(1, ChronoUnit.DAYS)));
        awaitOrder(orderId, true);
        for (int i = 0; i < 5; i++) {
            post(orderId, orderId + "-old-" + i).statusCode(201);
        }
        post(orderId, orderId + "-young").statusCode(201);
        age(orderId + "-old-%", "8 days");
        age(orderId + "-young", "6 days");

        // Five expired keys take three batches of two.
        await().atMost(Duration.ofSeconds(60)).until(() ->
                count("select count(*) from idempotency_record where idempotency_key like ?", orderId + "-old-%") == 0);
        assertThat(count("select count(*) from idempotency_record where idempotency_key = ?", orderId + "-young"))
                .isEqualTo(1);
        assertThat(count("select count(*) from return_request where order_id = ?", orderId))
                .as("the returns themselves are kept").isEqualTo(6);

        // A retry after the retention is a new request: with all 6 pairs returned, the over-return rule refuses it.
        post(orderId, orderId + "-old-0").statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", equalTo("lines[0].quantity"));
        // Within the retention the same key still answers the first result.
        post(orderId, orderId + "-young").statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(count("select count(*) from return_request where order_id = ?", orderId)).isEqualTo(6);
    }

    private static void age(String keyPattern, String age) {
        execute("UPDATE idempotency_record SET created_at = now() - interval '%s' WHERE idempotency_key LIKE '%s'"
                .formatted(age, keyPattern));
    }

    // --- requests: every call of this class is built here, so a caller credential is added in one place ---

    private static Map<String, String> callerHeaders(String idempotencyKey) {
        return Map.of("Idempotency-Key", idempotencyKey, "Authorization", Callers.bearer(TestTokens.storefront()));
    }

    private static ValidatableResponse post(String orderId, String idempotencyKey) {
        return given().headers(callerHeaders(idempotencyKey)).contentType(ContentType.JSON).body("""
                        {"orderId": "%s", "lines": [{"lineId": "%s", "quantity": 1, "reason": "DAMAGED"}]}"""
                        .formatted(orderId, Orders.SOCKS))
                .when().post("/returns").then();
    }
}
