package dev.postventa.returns.request;

import dev.postventa.infra.Callers;
import dev.postventa.infra.TestTokens;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.postventa.returns.Orders;
import dev.postventa.returns.ReturnsTestSupport;
import dev.postventa.infra.PostventaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a caller of {@code POST /returns} cannot send: a body over {@code postventa.http.max-json-body} (64 KiB),
 * declared or streamed in chunks (413 problem+json, nothing written), or string fields over their maximum length
 * (400 naming each field, like every other malformed field of this body).
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "returns"))
class RequestLimitsTest extends ReturnsTestSupport {

    static final int MAX_JSON_BODY = 64 * 1024;

    @TestHTTPResource("/returns")
    URI returns;

    private String orderId;

    @BeforeEach
    void freshDeliveredOrder() {
        orderId = deliveredOrder();
    }

    @Test
    void aBodyOverTheLimitIs413ProblemAndNothingIsWritten() {
        String key = "too-large-" + orderId;
        post(padded(body(orderId, Orders.SHIRT), MAX_JSON_BODY + 1), key)
                .statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413))
                .body("type", equalTo("https://postventa.dev/problems/body-too-large"))
                .body("detail", containsString("65536 bytes"));
        assertNothingWritten(key);

        // One byte less is taken: the limit is the documented size, not a little under it.
        post(padded(body(orderId, Orders.SHIRT), MAX_JSON_BODY), key).statusCode(201);
    }

    @Test
    void aChunkedBodyOverTheLimitIs413Problem() throws Exception {
        String key = "chunked-too-large-" + orderId;
        HttpResponse<String> response = postChunked(padded(body(orderId, Orders.SHIRT), 100 * 1024), key);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("65536 bytes");
        assertNothingWritten(key);
    }

    @Test
    void aChunkedBodyWithinTheLimitIsTaken() throws Exception {
        String key = "chunked-" + orderId;
        HttpResponse<String> response = postChunked(padded(body(orderId, Orders.SHIRT), 20 * 1024), key);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(count("select count(*) from idempotency_record where idempotency_key = ?", key)).isEqualTo(1);
    }

    @Test
    void everyStringFieldHasAMaximumLengthNamedInTheProblem() {
        String key = "long-fields-" + orderId;
        post("""
                {"orderId": "%s", "lines": [{"lineId": "%s", "quantity": 1, "reason": "DAMAGED"}], "comment": "%s"}
                """.formatted("O".repeat(101), "L".repeat(101), "c".repeat(2001)), key)
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("comment", "lines[0].lineId", "orderId")))
                .body("violations.message", equalTo(List.of("must be at most 2000 characters",
                        "must be at most 100 characters", "must be at most 100 characters")));
        assertThat(count("select count(*) from return_request where order_id = ?", "O".repeat(101))).isZero();
        assertNothingWritten(key);
    }

    // --- requests: every call of this class is built here, so a caller credential is added in one place ---

    private static Map<String, String> callerHeaders(String idempotencyKey) {
        return Map.of("Idempotency-Key", idempotencyKey, "Authorization", Callers.bearer(TestTokens.storefront()));
    }

    private static ValidatableResponse post(String body, String idempotencyKey) {
        return given().headers(callerHeaders(idempotencyKey)).contentType(ContentType.JSON).body(body)
                .when().post("/returns").then();
    }

    /** A body of unknown length (Transfer-Encoding: chunked, no Content-Length), as a streaming client sends it. */
    private HttpResponse<String> postChunked(String body, String idempotencyKey) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(returns).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));
        callerHeaders(idempotencyKey).forEach(request::header);
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    // --- bodies and rows ---

    private static String body(String orderId, String lineId) {
        return """
                {"orderId": "%s", "lines": [{"lineId": "%s", "quantity": 1, "reason": "DAMAGED"}]}"""
                .formatted(orderId, lineId);
    }

    /** Valid JSON of exactly {@code size} bytes: only its size is wrong (whitespace a client could pad with). */
    private static String padded(String json, int size) {
        String padded = json.replaceFirst("\\{", "{" + " ".repeat(size - json.getBytes(StandardCharsets.UTF_8).length));
        assertThat(padded.getBytes(StandardCharsets.UTF_8)).hasSize(size);
        return padded;
    }

    private void assertNothingWritten(String key) {
        assertThat(count("select count(*) from idempotency_record where idempotency_key = ?", key)).isZero();
        assertThat(count("select count(*) from return_request where order_id = ?", orderId)).isZero();
    }
}
