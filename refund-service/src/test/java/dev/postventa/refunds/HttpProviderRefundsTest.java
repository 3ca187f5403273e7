package dev.postventa.refunds;

import static dev.postventa.infra.Callers.asOps;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.postventa.refunds.ReturnEvents.publish;
import static dev.postventa.refunds.ReturnEvents.resolved;
import static io.restassured.RestAssured.given;
import static dev.postventa.refunds.RefundOutcomes.assertOnlyOutcome;
import static dev.postventa.refunds.RefundOutcomes.awaitOutcome;
import static dev.postventa.refunds.RefundOutcomes.isFor;
import static dev.postventa.refunds.RefundOutcomes.refundOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.postventa.events.EventCatalog;
import dev.postventa.events.EventJson;
import dev.postventa.events.Topics;
import dev.postventa.events.refunds.RefundFailed;
import dev.postventa.events.refunds.RefundIssued;
import dev.postventa.infra.KafkaTestClient;
import dev.postventa.infra.PostventaTestResource;
import dev.postventa.infra.ServiceDatabase;
import dev.postventa.refunds.refund.UnknownOutcomeRechecks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Refunds paid through {@code HttpPaymentProvider} against a WireMock provider (a real HTTP server on loopback), with
 * real Kafka, PostgreSQL and Debezium. Calls time out after 1 s and are made 3 times at most, so a provider that
 * answers after 3 s is one whose every answer is lost: its outcome is unknown, never a failure.
 */
@QuarkusTest
@TestProfile(HttpProviderRefundsTest.HttpProvider.class)
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "refunds"))
class HttpProviderRefundsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int LATE = 3_000;

    /** The HTTP adapter, a short call timeout and few attempts; WireMock plays the provider. */
    public static class HttpProvider implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("postventa.refunds.provider", "http",
                    "postventa.effects.call-timeout", "1s",
                    "postventa.effects.max-attempts", "3",
                    "postventa.effects.initial-backoff", "100ms",
                    "postventa.effects.max-backoff", "200ms",
                    // The tests sweep unknown outcomes themselves (the scheduler's sweep would race them).
                    "postventa.refunds.unknown-outcomes.sweep-every", "1h",
                    "postventa.refunds.unknown-outcomes.recheck-every", "2s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(WireMockProvider.class));
        }
    }

    @ConfigProperty(name = "postventa.refunds.http.url")
    URI providerUrl;

    WireMock provider;

    @Inject
    UnknownOutcomeRechecks rechecks;

    @Inject
    Vertx vertx;

    @BeforeEach
    void resetTheProvider() {
        provider = WireMock.create().host(providerUrl.getHost()).port(providerUrl.getPort()).build();
        provider.resetToDefaultMappings();
        provider.resetRequests();
        provider.resetScenarios();
    }

    @Test
    void aProviderThatPaysAtOnceIssuesTheRefundUnderItsReference() {
        provider.register(post(urlPathEqualTo("/v1/refunds")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"reference\":\"re_now_1\"}")));
        UUID returnId = UUID.randomUUID();
        publish(resolved(returnId, "MX-8001"));

        RefundIssued issued = EventJson.fromBytes(awaitOutcome(returnId, EventCatalog.typeOf(RefundIssued.class), WAIT)
                .value(), RefundIssued.class);
        assertThat(issued.providerReference()).isEqualTo("re_now_1");
        String refundId = issued.refundId().toString();
        List<LoggedRequest> calls = provider.find(postRequestedFor(urlPathEqualTo("/v1/refunds")));
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).getHeader("Idempotency-Key")).isEqualTo(refundId);
        assertThat(calls.get(0).getHeader("Authorization")).isEqualTo("Bearer test-provider-key");
        assertThat(calls.get(0).getBodyAsString())
                .isEqualTo("{\"orderId\":\"MX-8001\",\"amount\":\"2298.80\",\"currency\":\"MXN\"}");
        assertThat(refundOf(returnId).getString("status")).isEqualTo("ISSUED");
    }

    @Test
    void aRefusalFailsTheRefundWithTheProvidersReason() {
        provider.register(post(urlPathEqualTo("/v1/refunds")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json").withBody("{\"reason\":\"charge already refunded\"}")));
        UUID returnId = UUID.randomUUID();
        publish(resolved(returnId, "MX-8002"));

        RefundFailed failed = EventJson.fromBytes(awaitOutcome(returnId, EventCatalog.typeOf(RefundFailed.class), WAIT)
                .value(), RefundFailed.class);
        assertThat(failed.reason()).isEqualTo("charge already refunded");
        assertThat(provider.find(postRequestedFor(urlPathEqualTo("/v1/refunds")))).hasSize(1);
        assertThat(refundOf(returnId).getString("status")).isEqualTo("FAILED");
    }

    @Test
    void aProviderThatPaysButAnswersTooLateEndsIssuedNeverFailed() {
        // The provider pays at the first call and answers every call after the timeout; its lookup knows the payment.
        provider.register(post(urlPathEqualTo("/v1/refunds")).inScenario("late").whenScenarioStateIs(STARTED)
                .withRequestBody(matchingJsonPath("$.orderId", equalTo("MX-8003")))
                .willSetStateTo("paid")
                .willReturn(aResponse().withStatus(201).withFixedDelay(LATE)
                        .withHeader("Content-Type", "application/json").withBody("{\"reference\":\"re_late_1\"}")));
        provider.register(post(urlPathEqualTo("/v1/refunds")).inScenario("late").whenScenarioStateIs("paid")
                .willReturn(aResponse().withStatus(200).withFixedDelay(LATE)
                        .withHeader("Content-Type", "application/json").withBody("{\"reference\":\"re_late_1\"}")));
        provider.register(get(urlPathMatching("/v1/refunds/.+")).inScenario("late").whenScenarioStateIs("paid")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"status\":\"succeeded\",\"reference\":\"re_late_1\"}")));
        UUID returnId = UUID.randomUUID();
        publish(resolved(returnId, "MX-8003"));

        await().atMost(WAIT).until(() -> !"PENDING".equals(statusOf(returnId))
                && !"OUTCOME_UNKNOWN".equals(statusOf(returnId)));
        JsonPath refund = refundOf(returnId);
        assertThat(refund.getString("status")).isEqualTo("ISSUED");
        assertThat(refund.getString("providerReference")).isEqualTo("re_late_1");
        RefundIssued issued = EventJson.fromBytes(awaitOutcome(returnId, EventCatalog.typeOf(RefundIssued.class), WAIT)
                .value(), RefundIssued.class);
        assertThat(issued.providerReference()).isEqualTo("re_late_1");
        assertOnlyOutcome(returnId, EventCatalog.typeOf(RefundIssued.class));
        List<LoggedRequest> calls = provider.find(postRequestedFor(urlPathEqualTo("/v1/refunds")));
        assertThat(calls).as("every attempt timed out").hasSize(3);
        assertThat(calls).extracting(call -> call.getHeader("Idempotency-Key")).as("one key: one payment at most")
                .containsOnly(refund.getString("id"));
    }

    @Test
    void aProviderThatNeverAnswersLeavesTheOutcomeUnknownNeverFailed() {
        provider.register(post(urlPathEqualTo("/v1/refunds")).willReturn(aResponse().withStatus(201)
                .withFixedDelay(LATE).withBody("{\"reference\":\"re_silent_1\"}")));
        provider.register(get(urlPathMatching("/v1/refunds/.+")).willReturn(aResponse().withStatus(200)
                .withFixedDelay(LATE).withBody("{\"status\":\"succeeded\",\"reference\":\"re_silent_1\"}")));
        UUID returnId = UUID.randomUUID();
        publish(resolved(returnId, "MX-8004"));

        await().atMost(WAIT).until(() -> !"PENDING".equals(statusOf(returnId)));
        String refundId = refundOf(returnId).getString("id");
        assertThat(refundOf(returnId).getString("status")).isEqualTo("OUTCOME_UNKNOWN");
        assertThat(refundOf(returnId).getString("failureReason")).contains("outcome unknown");
        // The status lookups also go unanswered: the refund stays visible as unknown, and nobody is told it failed.
        await().atMost(WAIT).until(() -> ServiceDatabase.count("select count(*) from pending_effect where "
                + "kind = 'refund-status' and effect_key = ? and status = 'FAILED'", refundId) == 1);
        assertThat(refundOf(returnId).getString("status")).isEqualTo("OUTCOME_UNKNOWN");
        try (KafkaTestClient kafka = ServiceDatabase.kafka()) {
            assertThat(kafka.readAll(Topics.REFUNDS, r -> isFor(r, returnId), Duration.ofSeconds(3))).isEmpty();
        }

        // The provider is back. A refund owed longer ago than recheck-for (7 days) is left to operations.
        provider.register(get(urlPathMatching("/v1/refunds/.+")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"succeeded\",\"reference\":\"re_silent_1\"}")));
        ServiceDatabase.execute("update refund set created_at = created_at - interval '8 days' where id = '"
                + refundId + "'");
        // Past recheck-every (2 s here) since the lookups failed: only the window keeps it from being asked again.
        await().pollDelay(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(VertxJobs.run(vertx, rechecks::recheckDue)).isZero();
        assertThat(lookupState(refundId)).isEqualTo("FAILED");

        // Owed within the window, it is asked about again once however many sweeps run at the same moment, and the
        // provider's answer settles it: ISSUED, told once.
        ServiceDatabase.execute("update refund set created_at = created_at + interval '8 days' where id = '"
                + refundId + "'");
        int lookupsBefore = provider.find(getRequestedFor(
                urlPathMatching("/v1/refunds/.+"))).size();
        List<CompletableFuture<Integer>> sweeps = IntStream.range(0, 5)
                .mapToObj(i -> VertxJobs.start(vertx, rechecks::recheckDue)).toList();
        assertThat(sweeps.stream().mapToInt(CompletableFuture::join).sum()).isEqualTo(1);
        await().atMost(WAIT).until(() -> "ISSUED".equals(statusOf(returnId)));
        assertThat(refundOf(returnId).getString("providerReference")).isEqualTo("re_silent_1");
        assertThat(provider.find(getRequestedFor(
                urlPathMatching("/v1/refunds/.+")))).hasSize(lookupsBefore + 1);
        assertThat(provider.find(postRequestedFor(urlPathEqualTo("/v1/refunds")))).as("the recheck pays nothing")
                .hasSize(3);
        awaitOutcome(returnId, EventCatalog.typeOf(RefundIssued.class), WAIT);
        assertOnlyOutcome(returnId, EventCatalog.typeOf(RefundIssued.class));
        assertThat(VertxJobs.run(vertx, rechecks::recheckDue)).as("nothing unknown is left").isZero();
    }

    private static String lookupState(String refundId) {
        try (Connection c = ServiceDatabase.connect(); PreparedStatement s = c.prepareStatement(
                "select status from pending_effect where kind = 'refund-status' and effect_key = ?")) {
            s.setString(1, refundId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String statusOf(UUID returnId) {
        JsonPath refunds = asOps().queryParam("returnId", returnId.toString()).when().get("/refunds").then()
                .statusCode(200).extract().jsonPath();
        List<String> statuses = refunds.getList("status");
        return statuses.isEmpty() ? "PENDING" : statuses.get(0);
    }




}
