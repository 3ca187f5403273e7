package dev.postventa.returns.review;

import dev.postventa.infra.TestTokens;
import dev.postventa.infra.Callers;
import static dev.postventa.infra.Callers.asOps;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import dev.postventa.events.EventCatalog;
import dev.postventa.events.EventJson;
import dev.postventa.events.Topics;
import dev.postventa.events.returns.ReturnApproved;
import dev.postventa.events.returns.ReturnRejected;
import dev.postventa.events.returns.ReturnRequested;
import dev.postventa.infra.ParallelRequests;
import dev.postventa.infra.KafkaTestClient;
import dev.postventa.infra.PostventaTestResource;
import dev.postventa.returns.Orders;
import dev.postventa.returns.ReturnsTestSupport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A return held for manual review waits in REQUESTED until operations approve or reject it through
 * {@code POST /returns/{id}/approve} and {@code POST /returns/{id}/reject}; the return's own transitions decide, so
 * a step its status does not allow is a 409, and simultaneous decisions over real HTTP leave exactly one.
 *
 * <p>The returns here are held because the storefront flagged the order's lines (a review rule), which holds them
 * exactly as {@code RETURN_AUTO_APPROVE=false} holds every return (both are reasons of {@code ReviewRules}); using the
 * rule keeps this class on the default test profile instead of restarting the application for a setting.
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "returns"))
class ManualReviewTest extends ReturnsTestSupport {

    private static final int CALLERS = 10;
    private static final String APPROVED = EventCatalog.typeOf(ReturnApproved.class);

    @Test
    void aRequestedReturnWaitsAndIsApprovedByOperationsOnce() {
        String returnId = requestedReturn(Orders.SHIRT, 1);

        asOps().post("/returns/" + returnId + "/approve").then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("status", equalTo("APPROVED"))
                .body("rmaNumber", startsWith("RMA-"))
                .body("history.status", equalTo(List.of("REQUESTED", "REQUESTED", "APPROVED")))
                .body("history[1].detail", startsWith("held for manual review"))
                .body("history[2].detail", startsWith("approved by operations"));

        // Approving twice is not a silent no-op: the return's transition refuses it.
        asOps().post("/returns/" + returnId + "/approve").then()
                .statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(409))
                .body("detail", equalTo("return " + returnId + " is APPROVED: cannot be approved (only a REQUESTED "
                        + "return can)"));

        assertThat(count("select count(*) from return_request where id = ?::uuid and status = 'APPROVED' "
                + "and rma_number is not null", returnId)).isEqualTo(1);
        assertThat(count("select count(*) from return_history where return_id = ?::uuid", returnId)).isEqualTo(3);
        try (KafkaTestClient kafka = kafka()) {
            kafka.awaitRecords(Topics.RETURNS, r -> returnId.equals(r.key()), 2, Duration.ofSeconds(60));
            assertThat(kafka.readAll(Topics.RETURNS, r -> returnId.equals(r.key()), Duration.ofSeconds(2)))
                    .extracting(r -> KafkaTestClient.header(r, "ce_type"))
                    .containsExactly(EventCatalog.typeOf(ReturnRequested.class), APPROVED);
        }
    }

    @Test
    void aRejectedReturnKeepsItsReasonPublishesItsRejectionAndFreesTheUnits() throws Exception {
        String orderId = deliveredOrderForReview();
        String returnId = requested(orderId, Orders.SNEAKERS, 1);

        asOps().contentType(ContentType.JSON).body("{}").post("/returns/" + returnId + "/reject").then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("violations[0].field", equalTo("reason"));
        asOps().contentType(ContentType.JSON).post("/returns/" + returnId + "/reject").then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"));
        asOps().contentType(ContentType.JSON).body("{\"reason\": \"" + "x".repeat(501) + "\"}")
                .post("/returns/" + returnId + "/reject").then()
                .statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        assertThat(count("select count(*) from return_request where id = ?::uuid and status = 'REQUESTED'", returnId))
                .isEqualTo(1);

        asOps().contentType(ContentType.JSON).body("{\"reason\": \"worn outdoors, soles scuffed\"}")
                .post("/returns/" + returnId + "/reject").then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("rmaNumber", nullValue())
                .body("history.status", equalTo(List.of("REQUESTED", "REQUESTED", "REJECTED")))
                .body("history[2].detail", equalTo("rejected by operations: worn outdoors, soles scuffed"));

        asOps().post("/returns/" + returnId + "/approve").then()
                .statusCode(409)
                .contentType(startsWith("application/problem+json"));
        asOps().contentType(ContentType.JSON).body("{\"reason\": \"again\"}")
                .post("/returns/" + returnId + "/reject").then()
                .statusCode(409);
        assertThat(count("select count(*) from return_request where id = ?::uuid and status = 'REJECTED' "
                + "and rma_number is null", returnId)).isEqualTo(1);

        // The one pair of sneakers bought was not returned: the customer may ask again.
        postReturn(returnBody(orderId, Orders.SNEAKERS, 1, "DEFECTIVE"), null).statusCode(201)
                .body("status", equalTo("REQUESTED"));

        try (KafkaTestClient kafka = kafka()) {
            kafka.awaitRecords(Topics.RETURNS, r -> returnId.equals(r.key()), 2, Duration.ofSeconds(60));
            List<ConsumerRecord<String, byte[]>> records =
                    kafka.readAll(Topics.RETURNS, r -> returnId.equals(r.key()), Duration.ofSeconds(2));
            assertThat(records).extracting(r -> KafkaTestClient.header(r, "ce_type"))
                    .containsExactly(EventCatalog.typeOf(ReturnRequested.class),
                            EventCatalog.typeOf(ReturnRejected.class));
            assertThat(EventJson.mapper().readTree(records.get(1).value()).path("reason").asText())
                    .isEqualTo("worn outdoors, soles scuffed");
        }
    }

    @Test
    void unknownOrMalformedIdsAreProblems() {
        asOps().post("/returns/" + java.util.UUID.randomUUID() + "/approve").then()
                .statusCode(404).contentType(startsWith("application/problem+json"));
        asOps().contentType(ContentType.JSON).body("{\"reason\": \"no\"}")
                .post("/returns/" + java.util.UUID.randomUUID() + "/reject").then()
                .statusCode(404).contentType(startsWith("application/problem+json"));
        asOps().post("/returns/not-a-uuid/approve").then()
                .statusCode(400).body("violations[0].field", equalTo("id"));
    }

    @Test
    void simultaneousApprovalsApproveOnceWithOneRma() throws Exception {
        String returnId = requestedReturn(Orders.SHIRT, 2);

        List<HttpResponse<String>> responses = postAtOnce(returnId, i -> "approve", i -> null);

        assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(200, 409)
                .filteredOn(s -> s == 200).hasSize(1);
        for (HttpResponse<String> refused : responses.stream().filter(r -> r.statusCode() == 409).toList()) {
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
        String rma = responses.stream().filter(r -> r.statusCode() == 200).map(r -> json(r).path("rmaNumber").asText())
                .findFirst().orElseThrow();
        assertThat(count("select count(*) from return_request where id = ?::uuid and status = 'APPROVED' "
                + "and rma_number = ?", returnId, rma)).isEqualTo(1);
        assertThat(count("select count(*) from return_history where return_id = ?::uuid and status = 'APPROVED'",
                returnId)).isEqualTo(1);
        try (KafkaTestClient kafka = kafka()) {
            kafka.awaitRecords(Topics.RETURNS, r -> isApproval(r, returnId), 1, Duration.ofSeconds(60));
            List<ConsumerRecord<String, byte[]>> approvals =
                    kafka.readAll(Topics.RETURNS, r -> isApproval(r, returnId), Duration.ofSeconds(2));
            assertThat(approvals).hasSize(1);
            assertThat(EventJson.mapper().readTree(approvals.get(0).value()).path("rmaNumber").asText())
                    .isEqualTo(rma);
        }
    }

    @Test
    void simultaneousApprovalsAndRejectionsLeaveOneDecision() throws Exception {
        String returnId = requestedReturn(Orders.SHIRT, 1);

        List<HttpResponse<String>> responses = postAtOnce(returnId, i -> i % 2 == 0 ? "approve" : "reject",
                i -> i % 2 == 0 ? null : "{\"reason\": \"reviewer " + i + "\"}");

        assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(200, 409)
                .filteredOn(s -> s == 200).hasSize(1);
        String status = responses.stream().filter(r -> r.statusCode() == 200)
                .map(r -> json(r).path("status").asText()).findFirst().orElseThrow();
        assertThat(count("select count(*) from return_request where id = ?::uuid and status = ?", returnId, status))
                .isEqualTo(1);
        assertThat(count("select count(*) from return_history where return_id = ?::uuid", returnId)).isEqualTo(3);
        try (KafkaTestClient kafka = kafka()) {
            // The request and the one decision (ReturnApproved or ReturnRejected), then nothing more.
            kafka.awaitRecords(Topics.RETURNS, r -> returnId.equals(r.key()), 2, Duration.ofSeconds(60));
            assertThat(kafka.readAll(Topics.RETURNS, r -> isApproval(r, returnId), Duration.ofSeconds(2)))
                    .hasSize("APPROVED".equals(status) ? 1 : 0);
        }
    }

    @Test
    void aRejectionRacingNewReturnsOfTheSameLineNeverLetsMoreBeReturnedThanWasBought() throws Exception {
        // Both shirts are held by a return under review; its rejection and ten one-shirt requests arrive at once.
        String orderId = deliveredOrderForReview();
        String held = requested(orderId, Orders.SHIRT, 2);
        List<HttpRequest> requests = new ArrayList<>();
        requests.add(HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/returns/"
                        + held + "/reject"))
                .header("Authorization", Callers.bearer(TestTokens.ops()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\": \"duplicate request\"}")).build());
        for (int i = 0; i < CALLERS; i++) {
            requests.add(HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/returns"))
                    .header("Authorization", Callers.bearer(TestTokens.storefront()))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(returnBody(orderId, Orders.SHIRT, 1, "SIZE_TOO_SMALL")))
                    .build());
        }

        List<HttpResponse<String>> responses = ParallelRequests.sendAtOnce(requests);

        assertThat(responses.get(0).statusCode()).isEqualTo(200);
        List<Integer> creations = responses.subList(1, responses.size()).stream().map(HttpResponse::statusCode).toList();
        // Which requests win depends on when the rejection commits: each is a 201 or a 422, nothing else.
        assertThat(creations).isSubsetOf(201, 422);
        // Requests served before the rejection committed found no shirt left; after it, two at most.
        assertThat(creations.stream().filter(s -> s == 201).count()).isBetween(0L, 2L);
        assertThat(count("select coalesce(sum((l ->> 'quantity')::int), 0) from return_request r,"
                + " jsonb_array_elements(r.lines) l where r.order_id = ? and r.status <> 'REJECTED'", orderId))
                .isEqualTo(creations.stream().filter(s -> s == 201).count());
        // What the order keeps as returned is exactly what its non-rejected returns hold.
        assertThat(count("select coalesce((returned_units ->> ?)::int, 0) from order_snapshot where order_id = ?",
                Orders.SHIRT, orderId)).isEqualTo(creations.stream().filter(s -> s == 201).count());
    }

    private static String requestedReturn(String lineId, int quantity) {
        return requested(deliveredOrderForReview(), lineId, quantity);
    }


    private static String requested(String orderId, String lineId, int quantity) {
        String location = postReturn(returnBody(orderId, lineId, quantity, "SIZE_TOO_SMALL"), null)
                .statusCode(201)
                .body("status", equalTo("REQUESTED"))
                .body("rmaNumber", nullValue())
                .extract().header("Location");
        return URI.create(location).getPath().replace("/returns/", "");
    }

    /** Sends {@value #CALLERS} POSTs to {@code /returns/{id}/<action>} from as many threads, released together. */
    private static List<HttpResponse<String>> postAtOnce(String returnId, IntFunction<String> action,
                                                         IntFunction<String> body) throws Exception {
        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            URI uri = URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/returns/" + returnId + "/"
                    + action.apply(i));
            String json = body.apply(i);
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                    .header("Authorization", Callers.bearer(TestTokens.ops()));
            if (json == null) {
                request.POST(HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
            }
            requests.add(request.build());
        }
        return ParallelRequests.sendAtOnce(requests);
    }

    private static boolean isApproval(ConsumerRecord<String, byte[]> record, String returnId) {
        return returnId.equals(record.key()) && APPROVED.equals(KafkaTestClient.header(record, "ce_type"));
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return EventJson.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}
