package dev.postventa.notifications;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.postventa.infra.Callers.anonymous;
import static dev.postventa.infra.Callers.asCustomerOf;
import static dev.postventa.infra.Callers.asOps;
import static dev.postventa.infra.Callers.asStorefront;
import static dev.postventa.infra.Callers.management;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.postventa.events.CustomerContact;
import dev.postventa.events.EventCatalog;
import dev.postventa.events.EventJson;
import dev.postventa.events.Topics;
import dev.postventa.events.returns.FeedbackReceived;
import dev.postventa.events.returns.ReturnRejected;
import dev.postventa.infra.Callers;
import dev.postventa.infra.ParallelRequests;
import dev.postventa.infra.PostventaTestResource;
import dev.postventa.infra.ServiceDatabase;
import dev.postventa.infra.SmtpTestResource;
import dev.postventa.infra.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * A merchant subscribes a URL (a WireMock stand-in for its ERP) to return events and receives each once per event,
 * signed per Standard Webhooks, retried with backoff, with the same webhook-id on every attempt (real Kafka,
 * PostgreSQL and the effect worker).
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
@QuarkusTestResource(SmtpTestResource.class)
@QuarkusTestResource(TwilioStub.class)
class MerchantWebhooksTest extends KafkaPerTestClass {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String REJECTED = EventCatalog.typeOf(ReturnRejected.class);
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSignedWebhookIsRetriedAfterA500WithTheSameIdAndARedeliveredEventSendsNothingMore() throws Exception {
        String path = "/merchant/" + UUID.randomUUID();
        String scenario = "merchant-" + path;
        TwilioStub.server().stubFor(post(urlPathEqualTo(path)).inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("up")
                .willReturn(aResponse().withStatus(500)));
        TwilioStub.server().stubFor(post(urlPathEqualTo(path)).inScenario(scenario).whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(204)));
        double retriedBefore = merchantWebhooks("retried");
        double deliveredBefore = merchantWebhooks("delivered");

        JsonPath created = asStorefront().contentType("application/json")
                .body(Map.of("url", url(path), "eventTypes", List.of(REJECTED), "description", "ERP returns feed"))
                .post("/merchant-webhooks").then().statusCode(201)
                .header("Location", containsString("/merchant-webhooks/"))
                .body("url", equalTo(url(path))).body("eventTypes", equalTo(List.of(REJECTED)))
                .body("createdAt", not(nullValue()))
                .body("secret", matchesPattern("whsec_[A-Za-z0-9+/]{43}="))
                .extract().jsonPath();
        String id = created.getString("id");
        String secret = created.getString("secret");
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSize(32);
        // Listed without its secret.
        String listed = asOps().get("/merchant-webhooks").then().statusCode(200)
                .body("id", hasItem(id)).extract().asString();
        assertThat(listed).doesNotContain(secret.substring("whsec_".length())).doesNotContain("\"secret\"");

        String eventId = UUID.randomUUID().toString();
        UUID returnId = UUID.randomUUID();
        byte[] payload = EventJson.toBytes(new ReturnRejected(returnId, "MX-HOOK-1",
                new CustomerContact("cust-hook", "hook+" + returnId + "@example.mx", "es-MX", "MX"), List.of(),
                "fuera de plazo", Instant.parse("2026-11-30T10:15:00Z")));
        String eventTime = "2026-11-30T10:15:30.250Z";
        publishRejected(returnId, eventId, eventTime, payload);

        await().atMost(WAIT).untilAsserted(() -> asOps().get("/merchant-webhooks/" + id + "/deliveries").then()
                .statusCode(200).body("size()", equalTo(1)).body("[0].status", equalTo("DELIVERED")));
        asOps().get("/merchant-webhooks/" + id + "/deliveries").then().statusCode(200)
                .body("[0].eventId", equalTo(eventId)).body("[0].eventType", equalTo(REJECTED))
                .body("[0].webhookId", equalTo("msg_" + eventId)).body("[0].attempts", equalTo(2))
                .body("[0].lastHttpStatus", equalTo(204)).body("[0].nextAttemptAt", nullValue());

        List<LoggedRequest> requests = requestsTo(path);
        assertThat(requests).hasSize(2);
        for (LoggedRequest request : requests) {
            String body = request.getBodyAsString();
            // The same id on both attempts: the merchant deduplicates on it.
            assertThat(request.getHeader("webhook-id")).isEqualTo("msg_" + eventId);
            assertThat(request.getHeader("Content-Type")).startsWith("application/json");
            String timestamp = request.getHeader("webhook-timestamp");
            assertThat(Math.abs(Long.parseLong(timestamp) - Instant.now().getEpochSecond())).isLessThan(120);
            assertThat(request.getHeader("webhook-signature"))
                    .isEqualTo("v1," + hmac(secret, "msg_" + eventId + "." + timestamp + "." + body));
            // The event's JSON exactly as it was on the topic, with its type and time.
            assertThat(body).isEqualTo("{\"type\":\"" + REJECTED + "\",\"timestamp\":\"" + eventTime
                    + "\",\"data\":" + new String(payload, StandardCharsets.UTF_8) + "}");
            JsonNode json = JSON.readTree(body);
            assertThat(json.get("type").asText()).isEqualTo(REJECTED);
            assertThat(json.get("data").get("returnId").asText()).isEqualTo(returnId.toString());
            assertThat(json.get("data").get("reason").asText()).isEqualTo("fuera de plazo");
        }
        assertThat(merchantWebhooks("retried")).isGreaterThanOrEqualTo(retriedBefore + 1);
        assertThat(merchantWebhooks("delivered")).isGreaterThanOrEqualTo(deliveredBefore + 1);

        // The same event again (same id): claimed already, no new delivery, no third request.
        double duplicatesBefore = duplicates(REJECTED);
        publishRejected(returnId, eventId, eventTime, payload);
        await().atMost(WAIT).until(() -> duplicates(REJECTED) >= duplicatesBefore + 1);
        assertThat(ServiceDatabase.count("select count(*) from merchant_webhook_delivery where event_id = ?", eventId))
                .isEqualTo(1);
        assertThat(ServiceDatabase.count("select count(*) from pending_effect e join merchant_webhook_delivery d "
                + "on e.effect_key = d.id::text where d.event_id = ? and e.status = 'PENDING'", eventId)).isZero();
        assertThat(requestsTo(path)).hasSize(2);

        asOps().delete("/merchant-webhooks/" + id).then().statusCode(204);
    }

    @Test
    void subscriptionsAreCheckedFieldByFieldAndOnlyForOperationsAndTheStorefront() {
        asOps().contentType("application/json")
                .body(Map.of("url", "http://merchant.example/hooks",
                        "eventTypes", List.of("postventa.return.teleported.v1",
                                EventCatalog.typeOf(dev.postventa.events.notifications.CustomerNotified.class),
                                REJECTED)))
                .post("/merchant-webhooks").then().statusCode(400)
                .header("Content-Type", startsWith("application/problem+json"))
                .body("violations.field", containsInAnyOrder("url", "eventTypes[0]", "eventTypes[1]"));
        asOps().contentType("application/json")
                .body(Map.of("url", "https://erp:secret@merchant.example/hooks", "eventTypes", List.of()))
                .post("/merchant-webhooks").then().statusCode(400)
                .header("Content-Type", startsWith("application/problem+json"))
                .body("violations.field", containsInAnyOrder("url", "eventTypes"));
        asOps().contentType("application/json")
                .body(Map.of("url", "https://merchant.example/" + "x".repeat(2000), "eventTypes", List.of(REJECTED)))
                .post("/merchant-webhooks").then().statusCode(400)
                .body("violations.field", equalTo(List.of("url")));
        // The cloud metadata address, from inside our network: never a merchant's endpoint.
        asOps().contentType("application/json")
                .body(Map.of("url", "https://169.254.169.254/latest/meta-data", "eventTypes", List.of(REJECTED)))
                .post("/merchant-webhooks").then().statusCode(400)
                .body("violations.field", equalTo(List.of("url")))
                .body("violations[0].message", equalTo("must not point into a private or local network"));

        Map<String, Object> valid = Map.of("url", "https://merchant.example/hooks", "eventTypes", List.of(REJECTED));
        asCustomerOf("MX-HOOK-1").contentType("application/json").body(valid).post("/merchant-webhooks").then()
                .statusCode(403);
        asCustomerOf("MX-HOOK-1").get("/merchant-webhooks").then().statusCode(403);
        anonymous().get("/merchant-webhooks").then().statusCode(401);
        String unknown = UUID.randomUUID().toString();
        asOps().get("/merchant-webhooks/" + unknown + "/deliveries").then().statusCode(404)
                .header("Content-Type", startsWith("application/problem+json"));
        asOps().delete("/merchant-webhooks/" + unknown).then().statusCode(404);
        assertThat(ServiceDatabase.count("select count(*) from merchant_webhook_subscription "
                + "where url like 'https://merchant.example/%'")).isZero();
    }

    @Test
    void aDeletedSubscriptionCancelsWhatIsPendingAndReceivesNothingMore() {
        String path = "/merchant/" + UUID.randomUUID();
        // Each attempt takes 1.5 s (within the 3 s %test timeout), so the delivery stays pending, retried, for some
        // 10 s of the test profile's six attempts: long enough to delete the subscription meanwhile.
        TwilioStub.server().stubFor(post(urlPathEqualTo(path))
                .willReturn(aResponse().withStatus(503).withFixedDelay(1500)));
        String id = asOps().contentType("application/json")
                .body(Map.of("url", url(path), "eventTypes", List.of(REJECTED)))
                .post("/merchant-webhooks").then().statusCode(201).extract().path("id");

        UUID returnId = UUID.randomUUID();
        String first = UUID.randomUUID().toString();
        publishRejected(returnId, first, Instant.now().toString(), rejected(returnId));
        await().atMost(WAIT).untilAsserted(() -> asOps().get("/merchant-webhooks/" + id + "/deliveries").then()
                .statusCode(200).body("[0].status", equalTo("PENDING")).body("[0].attempts", greaterThan(0))
                .body("[0].lastError", not(nullValue())).body("[0].nextAttemptAt", not(nullValue())));

        asOps().delete("/merchant-webhooks/" + id).then().statusCode(204);
        asOps().delete("/merchant-webhooks/" + id).then().statusCode(204);
        asOps().get("/merchant-webhooks/" + id + "/deliveries").then().statusCode(200)
                .body("[0].status", equalTo("CANCELLED")).body("[0].nextAttemptAt", nullValue());
        asOps().get("/merchant-webhooks").then().statusCode(200).body("id", not(hasItem(id)));
        // The owed attempt ends without a call: nothing is due any more.
        await().atMost(WAIT).until(() -> ServiceDatabase.count("select count(*) from pending_effect e "
                + "join merchant_webhook_delivery d on e.effect_key = d.id::text "
                + "where d.event_id = ? and e.status = 'PENDING'", first) == 0);
        int calls = requestsTo(path).size();

        String second = UUID.randomUUID().toString();
        publishRejected(returnId, second, Instant.now().toString(), rejected(returnId));
        await().atMost(WAIT).until(() -> ServiceDatabase.count(
                "select count(*) from inbox_message where event_id = ?", second) == 1);
        assertThat(ServiceDatabase.count("select count(*) from merchant_webhook_delivery where event_id = ?", second))
                .isZero();
        assertThat(requestsTo(path)).hasSize(calls);
        asOps().get("/merchant-webhooks/" + id + "/deliveries").then().statusCode(200).body("size()", equalTo(1));
    }

    @Test
    void aUrlIsSubscribedOnceEvenByParallelRetriesAndAKeyAnswersItsFirstCreation() throws Exception {
        // Ten retries of one request at once, under one Idempotency-Key: one subscription, and every caller gets it,
        // secret included (the first answer may have been lost on the way).
        String url = url("/merchant/" + UUID.randomUUID());
        String key = "erp-setup-" + UUID.randomUUID();
        String body = JSON.writeValueAsString(Map.of("url", url, "eventTypes", List.of(REJECTED)));
        List<HttpResponse<String>> retries = subscribeAtOnce(i -> body, i -> key);
        assertThat(retries).extracting(HttpResponse::statusCode).containsOnly(201);
        assertThat(retries).extracting(r -> JsonPath.from(r.body()).getString("id")).hasSize(10).containsOnly(
                JsonPath.from(retries.get(0).body()).getString("id"));
        assertThat(retries).extracting(r -> JsonPath.from(r.body()).getString("secret")).containsOnly(
                JsonPath.from(retries.get(0).body()).getString("secret"));
        assertThat(ServiceDatabase.count("select count(*) from merchant_webhook_subscription where url = ?", url))
                .isEqualTo(1);

        // The same key for another request is a mistake, not a retry.
        asOps().contentType("application/json").header("Idempotency-Key", key)
                .body(Map.of("url", url, "eventTypes", List.of(REJECTED, EventCatalog.typeOf(
                        dev.postventa.events.returns.ReturnApproved.class))))
                .post("/merchant-webhooks").then().statusCode(422)
                .header("Content-Type", startsWith("application/problem+json"))
                .body("violations.field", equalTo(List.of("Idempotency-Key")));
        asOps().contentType("application/json").header("Idempotency-Key", "k".repeat(201)).body(body)
                .post("/merchant-webhooks").then().statusCode(400)
                .body("violations.field", equalTo(List.of("Idempotency-Key")));

        // Ten different requests for another URL at once, without keys: one subscription, nine told which one.
        String other = url("/merchant/" + UUID.randomUUID());
        List<HttpResponse<String>> racing = subscribeAtOnce(i -> {
            try {
                return JSON.writeValueAsString(Map.of("url", other, "eventTypes", List.of(REJECTED),
                        "description", "caller " + i));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }, i -> null);
        assertThat(racing).extracting(HttpResponse::statusCode).containsOnly(201, 409)
                .filteredOn(status -> status == 201).hasSize(1);
        String winner = racing.stream().filter(r -> r.statusCode() == 201)
                .map(r -> JsonPath.from(r.body()).getString("id")).findFirst().orElseThrow();
        for (HttpResponse<String> refused : racing.stream().filter(r -> r.statusCode() == 409).toList()) {
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(JsonPath.from(refused.body()).getString("detail")).contains(winner);
            assertThat(JsonPath.from(refused.body()).getList("violations.field")).containsExactly("url");
        }
        assertThat(ServiceDatabase.count("select count(*) from merchant_webhook_subscription where url = ?", other))
                .isEqualTo(1);

        // Deleted, the URL may be subscribed again.
        asOps().delete("/merchant-webhooks/" + winner).then().statusCode(204);
        String again = asStorefront().contentType("application/json")
                .body(Map.of("url", other, "eventTypes", List.of(REJECTED)))
                .post("/merchant-webhooks").then().statusCode(201).extract().path("id");
        assertThat(again).isNotEqualTo(winner);
        asOps().delete("/merchant-webhooks/" + again).then().statusCode(204);
        asOps().delete("/merchant-webhooks/" + JsonPath.from(retries.get(0).body()).getString("id")).then()
                .statusCode(204);
    }

    @Test
    void anEventNobodySubscribedToTakesNoInboxClaimAndIsDeliveredOnceSomeoneSubscribes() {
        String feedback = EventCatalog.typeOf(FeedbackReceived.class);
        String path = "/merchant/" + UUID.randomUUID();
        TwilioStub.server().stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(204)));
        UUID returnId = UUID.randomUUID();
        byte[] payload = EventJson.toBytes(new FeedbackReceived(returnId, "MX-HOOK-3", "NPS", 9, null,
                List.of("DAMAGED"), List.of("apparel"), Instant.now()));

        // notification-service has no use for FeedbackReceived and no merchant wants it: skipped, and no inbox row
        // is written for it (a read decided it, not a transaction).
        double skippedBefore = skipped(feedback);
        String unwanted = UUID.randomUUID().toString();
        publish(feedback, returnId, unwanted, payload);
        await().atMost(WAIT).until(() -> skipped(feedback) > skippedBefore);
        assertThat(ServiceDatabase.count("select count(*) from inbox_message where event_id = ?", unwanted)).isZero();

        // Subscribed, the next one is claimed once and delivered.
        String id = asOps().contentType("application/json")
                .body(Map.of("url", url(path), "eventTypes", List.of(feedback)))
                .post("/merchant-webhooks").then().statusCode(201).extract().path("id");
        String wanted = UUID.randomUUID().toString();
        publish(feedback, returnId, wanted, payload);
        await().atMost(WAIT).untilAsserted(() -> assertThat(requestsTo(path)).hasSize(1));
        assertThat(requestsTo(path).get(0).getHeader("webhook-id")).isEqualTo("msg_" + wanted);
        assertThat(ServiceDatabase.count("select count(*) from inbox_message where event_id = ?", wanted)).isEqualTo(1);
        asOps().delete("/merchant-webhooks/" + id).then().statusCode(204);
    }

    // --- helpers

    /** The skipped-events counter of notification-service for one type. */
    private static double skipped(String type) {
        String body = management().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return body.lines().filter(line -> line.startsWith("postventa_events_skipped_total{")
                        && line.contains("type=\"" + type + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    /** A CloudEvents record of returns-service's, of any type. */
    private static void publish(String type, UUID returnId, String eventId, byte[] payload) {
        kafka().send(Topics.RETURNS, returnId.toString(), payload, Map.of("ce_id", eventId, "ce_type", type,
                "ce_source", "returns-service", "ce_specversion", "1.0", "ce_subject", returnId.toString(),
                "ce_time", Instant.now().toString(), "content-type", "application/json"));
    }

    /** Ten POSTs to {@code /merchant-webhooks} as operations, from as many threads released together. */
    private static List<HttpResponse<String>> subscribeAtOnce(IntFunction<String> body, IntFunction<String> key)
            throws Exception {
        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/merchant-webhooks"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", Callers.bearer(TestTokens.ops()))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.apply(i)));
            if (key.apply(i) != null) {
                request.header("Idempotency-Key", key.apply(i));
            }
            requests.add(request.build());
        }
        return ParallelRequests.sendAtOnce(requests);
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + TwilioStub.server().port() + path;
    }

    private static byte[] rejected(UUID returnId) {
        return EventJson.toBytes(new ReturnRejected(returnId, "MX-HOOK-2",
                new CustomerContact("cust-hook", "hook+" + returnId + "@example.mx", "es-MX", "MX"), List.of(),
                "fuera de plazo", Instant.now()));
    }

    /** A CloudEvents record as returns-service's relay writes it, with a chosen id and ce_time. */
    private static void publishRejected(UUID returnId, String eventId, String time, byte[] payload) {
        kafka().send(Topics.RETURNS, returnId.toString(), payload, Map.of("ce_id", eventId, "ce_type", REJECTED,
                "ce_source", "returns-service", "ce_specversion", "1.0", "ce_subject", returnId.toString(),
                "ce_time", time, "content-type", "application/json"));
    }

    private static List<LoggedRequest> requestsTo(String path) {
        return TwilioStub.server().findAll(postRequestedFor(urlPathEqualTo(path)));
    }

    /** The Standard Webhooks signature computed here with javax.crypto, independently of the library. */
    private static String hmac(String secret, String signed) throws Exception {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }

    private static double merchantWebhooks(String outcome) {
        return metric("postventa_merchant_webhooks_total{", "outcome=\"" + outcome + "\"");
    }

    private static double duplicates(String type) {
        return metric("postventa_events_duplicate_total{", "type=\"" + type + "\"");
    }

    private static double metric(String prefix, String label) {
        String metrics = management().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith(prefix) && line.contains(label))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
