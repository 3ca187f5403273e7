package dev.postventa.returns.request;

import dev.postventa.infra.TestTokens;
import dev.postventa.infra.Callers;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.postventa.events.EventCatalog;
import dev.postventa.events.EventJson;
import dev.postventa.events.Topics;
import dev.postventa.events.returns.ReturnApproved;
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
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Requests for one order arriving at the same moment, over real HTTP, never return more than was bought. */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "returns"))
class ConcurrentReturnRequestsTest extends ReturnsTestSupport {

    private static final int CALLERS = 20;

    @Test
    void twentySimultaneousRequestsForFiveUnitsCreateExactlyFiveReturns() throws Exception {
        String orderId = Orders.newOrderId();
        Instant placed = Instant.now().minus(4, ChronoUnit.DAYS);
        publish(Orders.deliveredSocks(orderId, 5, placed, placed.plus(2, ChronoUnit.DAYS)));
        awaitOrder(orderId, true);
        String body = returnBody(orderId, Orders.SOCKS, 1, "CHANGED_MIND");

        List<HttpResponse<String>> responses = postAtOnce(orderId, i -> "race-" + orderId + "-" + i, body);

        List<HttpResponse<String>> created = responses.stream().filter(r -> r.statusCode() == 201).toList();
        List<HttpResponse<String>> refused = responses.stream().filter(r -> r.statusCode() == 422).toList();
        assertThat(created).hasSize(5);
        assertThat(refused).hasSize(15);
        for (HttpResponse<String> response : refused) {
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            JsonNode problem = json(response);
            assertThat(problem.path("violations").path(0).path("field").asText()).isEqualTo("lines[0].quantity");
            assertThat(problem.path("violations").path(0).path("message").asText())
                    .isEqualTo("at most 0 can be returned (bought 5, already returned 5)");
        }
        Set<String> createdIds = created.stream().map(r -> json(r).path("id").asText()).collect(Collectors.toSet());
        assertThat(createdIds).hasSize(5);

        // Nothing half-written: five returns, each with its two steps and its key, and nothing else.
        assertThat(count("select count(*) from return_request where order_id = ?", orderId)).isEqualTo(5);
        assertThat(count("select count(*) from return_history h join return_request r on r.id = h.return_id "
                + "where r.order_id = ? and h.status = 'REQUESTED'", orderId)).isEqualTo(5);
        assertThat(count("select count(*) from return_history h join return_request r on r.id = h.return_id "
                + "where r.order_id = ? and h.status = 'APPROVED'", orderId)).isEqualTo(5);
        assertThat(count("select count(*) from return_history h join return_request r on r.id = h.return_id "
                + "where r.order_id = ?", orderId)).isEqualTo(10);
        assertThat(count("select count(*) from idempotency_record where idempotency_key like ?", "race-" + orderId + "-%"))
                .isEqualTo(5);
        assertThat(count("select coalesce(sum((l ->> 'quantity')::int), 0) from return_request r, "
                + "jsonb_array_elements(r.lines) l where r.order_id = ?", orderId)).isEqualTo(5);

        try (KafkaTestClient kafka = kafka()) {
            String requestedType = EventCatalog.typeOf(ReturnRequested.class);
            String approvedType = EventCatalog.typeOf(ReturnApproved.class);
            kafka.awaitRecords(Topics.RETURNS, r -> ofOrder(r, orderId, approvedType), 5, Duration.ofSeconds(60));
            List<ConsumerRecord<String, byte[]>> requested =
                    kafka.readAll(Topics.RETURNS, r -> ofOrder(r, orderId, requestedType), Duration.ofSeconds(2));
            assertThat(requested).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(createdIds);
            List<ConsumerRecord<String, byte[]>> approved =
                    kafka.readAll(Topics.RETURNS, r -> ofOrder(r, orderId, approvedType), Duration.ofSeconds(2));
            assertThat(approved).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(createdIds);
        }
    }

    @Test
    void simultaneousRetriesWithOneKeyCreateOneReturnAndAllGetIt() throws Exception {
        String orderId = Orders.newOrderId();
        Instant placed = Instant.now().minus(4, ChronoUnit.DAYS);
        publish(Orders.delivered(orderId, placed, placed.plus(2, ChronoUnit.DAYS)));
        awaitOrder(orderId, true);
        String key = "same-" + orderId;
        // One pair of sneakers was bought: a second return of it would be refused, so every answer must be the replay.
        String body = returnBody(orderId, Orders.SNEAKERS, 1, "DEFECTIVE");

        List<HttpResponse<String>> responses = postAtOnce(orderId, i -> key, body);

        assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(201);
        assertThat(responses.stream().map(r -> json(r).path("id").asText()).distinct()).hasSize(1);
        assertThat(responses.stream().map(r -> r.headers().firstValue("Idempotent-Replayed").orElse("?")))
                .containsOnly("true", "false")
                .filteredOn("false"::equals).hasSize(1);
        assertThat(count("select count(*) from return_request where order_id = ?", orderId)).isEqualTo(1);
        assertThat(count("select count(*) from idempotency_record where idempotency_key = ?", key)).isEqualTo(1);
        String returnId = json(responses.get(0)).path("id").asText();
        try (KafkaTestClient kafka = kafka()) {
            kafka.awaitRecords(Topics.RETURNS, r -> returnId.equals(r.key()), 2, Duration.ofSeconds(60));
            assertThat(kafka.readAll(Topics.RETURNS, r -> ofOrder(r, orderId, EventCatalog.typeOf(ReturnRequested.class)),
                    Duration.ofSeconds(2))).extracting(ConsumerRecord::key).containsExactly(returnId);
        }
    }

    /** Sends {@value #CALLERS} POSTs from as many threads, released together by a barrier, as the order's customer. */
    private static List<HttpResponse<String>> postAtOnce(String orderId, IntFunction<String> idempotencyKey, String body)
            throws Exception {
        URI uri = URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/returns");
        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            requests.add(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .header("Authorization", Callers.bearer(TestTokens.customer(orderId)))
                    .header("Idempotency-Key", idempotencyKey.apply(i))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        }
        return ParallelRequests.sendAtOnce(requests);
    }

    private static boolean ofOrder(ConsumerRecord<String, byte[]> record, String orderId, String type) {
        if (!type.equals(KafkaTestClient.header(record, "ce_type"))) {
            return false;
        }
        try {
            return orderId.equals(EventJson.mapper().readTree(record.value()).path("orderId").asText());
        } catch (IOException e) {
            return false;
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return EventJson.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}
