package dev.postventa.refunds.credit;

import static dev.postventa.infra.Callers.anonymous;
import static dev.postventa.infra.Callers.asCustomerOf;
import static dev.postventa.infra.Callers.asOps;
import static dev.postventa.infra.Callers.asStorefront;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import dev.postventa.events.CustomerContact;
import dev.postventa.events.DomainEvent;
import dev.postventa.events.EventCatalog;
import dev.postventa.events.EventJson;
import dev.postventa.events.Money;
import dev.postventa.events.ReturnedLine;
import dev.postventa.events.Topics;
import dev.postventa.events.credit.StoreCreditExpired;
import dev.postventa.events.credit.StoreCreditIssued;
import dev.postventa.events.credit.StoreCreditRedeemed;
import dev.postventa.events.refunds.RefundIssued;
import dev.postventa.events.returns.ResolvedLine;
import dev.postventa.events.returns.ReturnResolved;
import dev.postventa.refunds.VertxJobs;
import dev.postventa.infra.Callers;
import dev.postventa.infra.KafkaTestClient;
import dev.postventa.infra.ParallelRequests;
import dev.postventa.infra.PostventaTestResource;
import dev.postventa.infra.ServiceDatabase;
import dev.postventa.infra.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A resolved return's money: the refund part paid (its restocking fee shown), the credit part added to the customer's
 * store credit with the shop's bonus (10 % by default), spent by the storefront without ever overdrawing, expired
 * when unspent. Real Kafka, PostgreSQL and Debezium; same test resources as RefundsTest (one Quarkus start).
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "refunds"))
class StoreCreditTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    StoreCreditExpiry expiry;
    @Inject
    Vertx vertx;

    @Test
    void aResolutionWithARefundAndACreditRefundsOnePartWithItsFeeAndCreditsTheOtherWithTheBonus() {
        UUID returnId = UUID.randomUUID();
        CustomerContact customer = customer();
        // L1 refunded: 2 × 499.90 = 999.80 minus a restocking fee of 99.98 → 899.82; L2 as credit: 1299.00.
        publish(new ReturnResolved(returnId, "MX-C101", "RMA-MX-C101", customer, List.of(
                line("L1", 2, "499.90", "99.98", "899.82", ReturnedLine.REFUND),
                line("L2", 1, "1299.00", "0.00", "1299.00", ReturnedLine.STORE_CREDIT)),
                mxn("899.82"), mxn("1299.00"), mxn("99.98"), false, Instant.now()), UUID.randomUUID().toString());

        RefundIssued refund = EventJson.fromBytes(awaitEvent(Topics.REFUNDS, returnId, RefundIssued.class).value(),
                RefundIssued.class);
        assertThat(refund.amount()).isEqualTo(mxn("899.82"));
        assertThat(refund.restockingFee()).isEqualTo(mxn("99.98"));
        asOps().queryParam("returnId", returnId.toString()).get("/refunds").then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].amount.amount", equalTo("899.82"))
                .body("[0].restockingFee.amount", equalTo("99.98"))
                .body("[0].status", equalTo("ISSUED"));

        ConsumerRecord<String, byte[]> record = awaitEvent(Topics.STORE_CREDIT, returnId, StoreCreditIssued.class);
        StoreCreditIssued issued = EventJson.fromBytes(record.value(), StoreCreditIssued.class);
        assertThat(record.key()).as("key = account id").isEqualTo(issued.accountId().toString());
        assertThat(issued.amount()).as("1299.00 × 1.10").isEqualTo(mxn("1428.90"));
        assertThat(issued.bonus()).isEqualTo(mxn("129.90"));
        assertThat(issued.balance()).isEqualTo(mxn("1428.90"));
        assertThat(issued.customer()).isEqualTo(customer);
        assertThat(issued.orderId()).isEqualTo("MX-C101");
        assertThat(Duration.between(issued.issuedAt(), issued.expiresAt())).isEqualTo(Duration.ofDays(365));

        JsonPath account = account(customer).statusCode(200).extract().jsonPath();
        assertThat(account.getString("id")).isEqualTo(issued.accountId().toString());
        assertThat(account.getString("balance.amount")).isEqualTo("1428.90");
        assertThat(account.getString("balance.currency")).isEqualTo("MXN");
        assertThat(account.getList("entries.kind")).containsExactly("ISSUE");
        assertThat(account.getString("entries[0].bonus.amount")).isEqualTo("129.90");
        assertThat(account.getString("entries[0].remaining.amount")).isEqualTo("1428.90");
        assertThat(account.getString("entries[0].returnId")).isEqualTo(returnId.toString());
    }

    @Test
    void theCustomerWhoseReturnWasCreditedSeesTheAccountAndNobodyElseDoes() {
        CustomerContact customer = customer();
        UUID returnId = UUID.randomUUID();
        credit(returnId, "MX-C102", customer, "100.00");
        String email = customer.email();

        asCustomerOf("MX-C102").queryParam("customerId", customer.customerId()).queryParam("currency", "MXN")
                .get("/store-credit/accounts").then().statusCode(200).body("balance.amount", equalTo("110.00"));
        asStorefront().queryParam("customerId", customer.customerId()).queryParam("currency", "MXN")
                .get("/store-credit/accounts").then().statusCode(200).body("balance.amount", equalTo("110.00"));
        // Another order's customer: the account does not exist for them.
        asCustomerOf("MX-C999").queryParam("customerId", customer.customerId()).queryParam("currency", "MXN")
                .get("/store-credit/accounts").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        anonymous().queryParam("customerId", customer.customerId()).queryParam("currency", "MXN")
                .get("/store-credit/accounts").then().statusCode(401);
        // A customer cannot spend credit: only the storefront (and operations) redeem.
        asCustomerOf("MX-C102").contentType("application/json").header("Idempotency-Key", "k-" + UUID.randomUUID())
                .body(Map.of("customerId", customer.customerId(), "currency", "MXN", "amount", "1.00",
                        "reference", "cart-1"))
                .post("/store-credit/redemptions").then().statusCode(403);
        asOps().queryParam("currency", "MXN").get("/store-credit/accounts").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("violations[0].field", equalTo("customerId"));
        asOps().queryParam("customerId", customer.customerId()).queryParam("currency", "mxn")
                .get("/store-credit/accounts").then().statusCode(400).body("violations[0].field", equalTo("currency"));
        asOps().queryParam("email", email).queryParam("currency", "MXN").get("/store-credit/accounts").then()
                .statusCode(404); // a customer with an id is not keyed by email
    }

    @Test
    void aGuestsCreditIsKeptUnderTheirEmail() {
        String email = "Invitado." + UUID.randomUUID() + "@Example.mx";
        CustomerContact guest = new CustomerContact(null, email, "es-MX", "MX");
        credit(UUID.randomUUID(), "MX-C103", guest, "20.00");

        asOps().queryParam("email", email.toLowerCase()).queryParam("currency", "MXN").get("/store-credit/accounts")
                .then().statusCode(200).body("balance.amount", equalTo("22.00"));
    }

    @Test
    void aRedeliveredResolutionCreditsOnce() {
        CustomerContact customer = customer();
        UUID returnId = UUID.randomUUID();
        ReturnResolved resolved = creditOnly(returnId, "MX-C104", customer, "100.00");
        String eventId = UUID.randomUUID().toString();
        String otherEventId = UUID.randomUUID().toString();
        publish(resolved, eventId);
        publish(resolved, eventId);
        publish(resolved, otherEventId);
        // Same key, same partition: once the last delivery is claimed, all three have been handled.
        await().atMost(WAIT).until(() ->
                ServiceDatabase.count("select count(*) from inbox_message where event_id = ?", otherEventId) == 1);

        try (KafkaTestClient kafka = ServiceDatabase.kafka()) {
            kafka.awaitRecords(Topics.STORE_CREDIT, r -> isFor(r, "returnId", returnId.toString()), 1, WAIT);
            assertThat(kafka.readAll(Topics.STORE_CREDIT, r -> isFor(r, "returnId", returnId.toString()),
                    Duration.ofSeconds(3))).hasSize(1);
        }
        account(customer).statusCode(200).body("balance.amount", equalTo("110.00")).body("entries", hasSize(1));
        assertThat(ServiceDatabase.count("select count(*) from refund where return_id = ?", returnId))
                .as("no refund row when nothing is refunded").isZero();
    }

    @Test
    void aRedemptionRetriedWithItsKeyAnswersTheFirstResultAndSpendsOnce() {
        CustomerContact customer = customer();
        String accountId = credit(UUID.randomUUID(), "MX-C105", customer, "100.00").accountId().toString();
        String key = "redeem-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("customerId", customer.customerId(), "currency", "MXN", "amount", "30.00",
                "reference", "cart-105");

        JsonPath first = redeem(key, body).statusCode(201).header("Idempotent-Replayed", "false")
                .body("amount.amount", equalTo("30.00"))
                .body("balance.amount", equalTo("80.00"))
                .body("accountId", equalTo(accountId))
                .body("reference", equalTo("cart-105")).extract().jsonPath();
        JsonPath retry = redeem(key, body).statusCode(201).header("Idempotent-Replayed", "true").extract().jsonPath();
        assertThat(retry.getMap("")).isEqualTo(first.getMap(""));

        redeem(key, Map.of("customerId", customer.customerId(), "currency", "MXN", "amount", "31.00",
                "reference", "cart-105")).statusCode(422).contentType(startsWith("application/problem+json"))
                .body("violations[0].field", equalTo("Idempotency-Key"));
        asStorefront().contentType("application/json").body(body).post("/store-credit/redemptions").then()
                .statusCode(400).contentType(startsWith("application/problem+json"))
                .body("violations[0].field", equalTo("Idempotency-Key"));
        redeem("redeem-" + UUID.randomUUID(), Map.of("customerId", customer.customerId(), "currency", "MXN",
                "amount", "80.01", "reference", "cart-106")).statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("violations[0].field", equalTo("amount"))
                .body("violations[0].message", equalTo("insufficient store credit, balance 80.00 MXN"));
        redeem("redeem-" + UUID.randomUUID(), Map.of("currency", "MXN", "amount", "-1", "reference", ""))
                .statusCode(400).body("violations.field", org.hamcrest.Matchers.containsInAnyOrder("customerId",
                        "amount", "reference"));

        try (KafkaTestClient kafka = ServiceDatabase.kafka()) {
            kafka.awaitRecords(Topics.STORE_CREDIT, r -> isRedemption(r, accountId), 1, WAIT);
            List<ConsumerRecord<String, byte[]>> redeemed = kafka.readAll(Topics.STORE_CREDIT,
                    r -> isRedemption(r, accountId), Duration.ofSeconds(3));
            assertThat(redeemed).as("one event for the key, however often asked").hasSize(1);
            StoreCreditRedeemed event = EventJson.fromBytes(redeemed.get(0).value(), StoreCreditRedeemed.class);
            assertThat(event.entryId().toString()).isEqualTo(first.getString("id"));
            assertThat(event.amount()).isEqualTo(mxn("30.00"));
            assertThat(event.balance()).isEqualTo(mxn("80.00"));
            assertThat(event.reference()).isEqualTo("cart-105");
            assertThat(redeemed.get(0).key()).isEqualTo(accountId);
        }
        account(customer).statusCode(200).body("balance.amount", equalTo("80.00"))
                .body("entries.kind", equalTo(List.of("ISSUE", "REDEEM")));
    }

    @Test
    void twentyRedemptionsAtOnceNeverOverdraw() throws Exception {
        CustomerContact customer = customer();
        // 50.00 × 1.10 = 55.00
        String accountId = credit(UUID.randomUUID(), "MX-C106", customer, "50.00").accountId().toString();
        URI uri = URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/store-credit/redemptions");
        String body = """
                {"customerId":"%s","currency":"MXN","amount":"10.00","reference":"cart-106"}"""
                .formatted(customer.customerId());
        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            requests.add(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .header("Authorization", Callers.bearer(TestTokens.storefront()))
                    .header("Idempotency-Key", "parallel-" + UUID.randomUUID())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        }

        List<HttpResponse<String>> responses = ParallelRequests.sendAtOnce(requests);

        assertThat(responses).extracting(HttpResponse::statusCode).filteredOn(status -> status == 201).hasSize(5);
        assertThat(responses).extracting(HttpResponse::statusCode).filteredOn(status -> status == 422).hasSize(15);
        assertThat(responses).filteredOn(r -> r.statusCode() == 422).extracting(HttpResponse::body)
                .allSatisfy(problem -> assertThat(problem).contains("insufficient store credit, balance"));
        account(customer).statusCode(200).body("balance.amount", equalTo("5.00"));
        try (KafkaTestClient kafka = ServiceDatabase.kafka()) {
            kafka.awaitRecords(Topics.STORE_CREDIT, r -> isRedemption(r, accountId), 5, WAIT);
            assertThat(kafka.readAll(Topics.STORE_CREDIT, r -> isRedemption(r, accountId), Duration.ofSeconds(3)))
                    .extracting(r -> json(r).path("balance").path("amount").asText())
                    .containsExactlyInAnyOrder("45.00", "35.00", "25.00", "15.00", "5.00");
        }
    }

    @Test
    void expiryRemovesOnlyTheUnspentPartOfACredit() {
        CustomerContact customer = customer();
        StoreCreditIssued issued = credit(UUID.randomUUID(), "MX-C107", customer, "50.00");
        String accountId = issued.accountId().toString();
        redeem("redeem-" + UUID.randomUUID(), Map.of("customerId", customer.customerId(), "currency", "MXN",
                "amount", "20.00", "reference", "cart-107")).statusCode(201).body("balance.amount", equalTo("35.00"));
        // Its validity ran out (365 days are not waited for: the expiry is moved into the past).
        ServiceDatabase.execute("update store_credit_entry set expires_at = now() - interval '1 second' where id = '"
                + issued.entryId() + "'");

        assertThat(VertxJobs.run(vertx, expiry::sweep)).isGreaterThanOrEqualTo(1);

        try (KafkaTestClient kafka = ServiceDatabase.kafka()) {
            ConsumerRecord<String, byte[]> record = kafka.awaitRecords(Topics.STORE_CREDIT,
                    r -> isFor(r, "accountId", accountId) && isType(r, StoreCreditExpired.class), 1, WAIT).get(0);
            StoreCreditExpired expired = EventJson.fromBytes(record.value(), StoreCreditExpired.class);
            assertThat(expired.amount()).as("55.00 issued, 20.00 spent").isEqualTo(mxn("35.00"));
            assertThat(expired.balance()).isEqualTo(mxn("0.00"));
            assertThat(expired.issuedEntryId()).isEqualTo(issued.entryId());
            assertThat(record.key()).isEqualTo(accountId);
        }
        account(customer).statusCode(200).body("balance.amount", equalTo("0.00"))
                .body("entries.kind", equalTo(List.of("ISSUE", "REDEEM", "EXPIRE")))
                .body("entries[0].remaining.amount", equalTo("0.00"));
        assertThat(VertxJobs.run(vertx, expiry::sweep)).as("nothing left to expire on it").isZero();
        redeem("redeem-" + UUID.randomUUID(), Map.of("customerId", customer.customerId(), "currency", "MXN",
                "amount", "0.01", "reference", "cart-108")).statusCode(422);
    }

    // --- helpers ---

    private static CustomerContact customer() {
        String id = "cust-" + UUID.randomUUID();
        return new CustomerContact(id, id + "@example.mx", "es-MX", "MX");
    }

    private static Money mxn(String amount) {
        return Money.of(amount, "MXN");
    }

    private static ResolvedLine line(String id, int quantity, String unitPrice, String fee, String amount,
                                     String settledAs) {
        return new ResolvedLine(id, "SKU-" + id, "Item " + id, quantity, mxn(unitPrice), settledAs, null, mxn(fee),
                mxn(amount), settledAs);
    }

    private static ReturnResolved creditOnly(UUID returnId, String orderId, CustomerContact customer, String amount) {
        return new ReturnResolved(returnId, orderId, "RMA-" + orderId, customer,
                List.of(line("L1", 1, amount, "0.00", amount, ReturnedLine.STORE_CREDIT)), mxn("0.00"), mxn(amount),
                mxn("0.00"), false, Instant.now());
    }

    /** Resolves a return as credit only and waits for its StoreCreditIssued. */
    private static StoreCreditIssued credit(UUID returnId, String orderId, CustomerContact customer, String amount) {
        publish(creditOnly(returnId, orderId, customer, amount), UUID.randomUUID().toString());
        return EventJson.fromBytes(awaitEvent(Topics.STORE_CREDIT, returnId, StoreCreditIssued.class).value(),
                StoreCreditIssued.class);
    }

    private static void publish(DomainEvent event, String eventId) {
        try (KafkaTestClient kafka = ServiceDatabase.kafka()) {
            kafka.sendCloudEvent(event.topic(), event.aggregateId(), eventId, event.eventType(), "returns-service",
                    EventJson.toBytes(event));
        }
    }

    private static ConsumerRecord<String, byte[]> awaitEvent(String topic, UUID returnId, Class<?> type) {
        try (KafkaTestClient kafka = ServiceDatabase.kafka()) {
            return kafka.awaitRecords(topic, r -> isFor(r, "returnId", returnId.toString()) && isType(r, type), 1, WAIT)
                    .get(0);
        }
    }

    private static ValidatableResponse account(CustomerContact customer) {
        return asOps().queryParam("customerId", customer.customerId()).queryParam("currency", "MXN")
                .get("/store-credit/accounts").then();
    }

    private static ValidatableResponse redeem(String key, Map<String, Object> body) {
        return asStorefront().contentType("application/json").header("Idempotency-Key", key).body(body)
                .post("/store-credit/redemptions").then();
    }

    private static boolean isRedemption(ConsumerRecord<String, byte[]> record, String accountId) {
        return accountId.equals(record.key()) && isType(record, StoreCreditRedeemed.class);
    }

    private static boolean isType(ConsumerRecord<String, byte[]> record, Class<?> type) {
        return EventCatalog.typeOf(type).equals(KafkaTestClient.header(record, "ce_type"));
    }

    private static boolean isFor(ConsumerRecord<String, byte[]> record, String field, String value) {
        try {
            return EventJson.mapper().readTree(record.value()).path(field).asText().equals(value);
        } catch (IOException notJson) {
            return false;
        }
    }

    private static JsonNode json(ConsumerRecord<String, byte[]> record) {
        try {
            return EventJson.mapper().readTree(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
