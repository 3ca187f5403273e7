package dev.postventa.refunds;

import static dev.postventa.infra.Callers.anonymous;
import static dev.postventa.infra.Callers.asCustomerOf;
import static dev.postventa.infra.Callers.asOps;
import static org.hamcrest.Matchers.startsWith;
import dev.postventa.events.EventCatalog;
import static dev.postventa.refunds.ReturnEvents.publish;
import static dev.postventa.refunds.ReturnEvents.resolved;
import static io.restassured.RestAssured.given;
import static dev.postventa.refunds.RefundOutcomes.assertOnlyOutcome;
import static dev.postventa.refunds.RefundOutcomes.awaitOutcome;
import static dev.postventa.refunds.RefundOutcomes.isFor;
import static dev.postventa.refunds.RefundOutcomes.refundOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.postventa.events.EventJson;
import dev.postventa.events.Money;
import dev.postventa.events.ReturnedLine;
import dev.postventa.events.Topics;
import dev.postventa.events.refunds.RefundFailed;
import dev.postventa.events.refunds.RefundIssued;
import dev.postventa.events.returns.ReturnApproved;
import dev.postventa.events.returns.ReturnReceived;
import dev.postventa.events.returns.ReturnResolved;
import dev.postventa.infra.KafkaTestClient;
import dev.postventa.infra.OperationsEndpoints;
import dev.postventa.infra.PostventaTestResource;
import dev.postventa.infra.ServiceDatabase;
import dev.postventa.refunds.payments.ProviderRefund;
import dev.postventa.refunds.payments.RefundOrder;
import dev.postventa.refunds.payments.SimulatedPaymentProvider;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A resolved return is refunded exactly once, its refund amount (what was paid for the lines refunded), through the (simulated)
 * payment provider; every outcome is told on {@code postventa.refunds}. Real Kafka, PostgreSQL and Debezium.
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "refunds"))
class RefundsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    SimulatedPaymentProvider provider;

    @Test
    void operationsEndpointsAreServed() {
        OperationsEndpoints.assertServed("/refunds");
    }

    @Test
    void aResolvedReturnIsRefundedItsRefundAmount() {
        UUID returnId = UUID.randomUUID();
        publish(resolved(returnId, "MX-2001"));

        ConsumerRecord<String, byte[]> record = awaitOutcome(returnId, EventCatalog.typeOf(RefundIssued.class), WAIT);
        JsonPath refund = refundOf(returnId);
        String refundId = refund.getString("id");
        assertThat(record.key()).isEqualTo(refundId);
        CloudEvent event = cloudEvent(record);
        assertThat(event.getSpecVersion().toString()).isEqualTo("1.0");
        assertThat(event.getType()).isEqualTo(EventCatalog.typeOf(RefundIssued.class));
        assertThat(event.getSource().toString()).isEqualTo("refund-service");
        assertThat(event.getSubject()).isEqualTo(refundId);
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        RefundIssued issued = EventJson.fromBytes(event.getData().toBytes(), RefundIssued.class);
        assertThat(issued.refundId()).hasToString(refundId);
        assertThat(issued.orderId()).isEqualTo("MX-2001");
        assertThat(issued.amount()).isEqualTo(Money.of("2298.80", "MXN"));
        assertThat(json(record).path("amount").path("amount").isTextual()).as("amount travels as a string").isTrue();
        assertThat(issued.providerReference()).startsWith("sim_re_");
        assertThat(issued.customer()).isEqualTo(ReturnEvents.ANA);
        assertThat(issued.restockingFee()).as("nothing deducted").isEqualTo(Money.zero("MXN"));

        assertThat(refund.getString("status")).isEqualTo("ISSUED");
        assertThat(refund.getString("restockingFee.amount")).isEqualTo("0.00");
        assertThat(refund.getString("returnId")).isEqualTo(returnId.toString());
        assertThat(refund.getString("orderId")).isEqualTo("MX-2001");
        assertThat(refund.getString("amount.amount")).isEqualTo("2298.80");
        assertThat(refund.getString("amount.currency")).isEqualTo("MXN");
        assertThat(refund.getString("providerReference")).isEqualTo(issued.providerReference());
        assertThat(refund.getInt("attempts")).isEqualTo(1);
        assertThat(refund.getString("failureReason")).isNull();
        assertThat(provider.callsFor(refundId)).as("the refund id is the idempotency key").isEqualTo(1);
        assertThat(provider.paymentsFor(refundId)).isEqualTo(1);
        asOps().when().get("/refunds/" + refundId).then().statusCode(200)
                .body("id", equalTo(refundId))
                .body("status", equalTo("ISSUED"))
                .body("createdAt", notNullValue())
                .body("updatedAt", notNullValue());
    }

    @Test
    void theOrdersCustomerSeesTheRefundAndOthersDoNot() {
        UUID returnId = UUID.randomUUID();
        publish(resolved(returnId, "MX-2002"));
        awaitOutcome(returnId, EventCatalog.typeOf(RefundIssued.class), WAIT);
        String refundId = refundOf(returnId).getString("id");

        asCustomerOf("MX-2002").get("/refunds/" + refundId).then().statusCode(200).body("orderId", equalTo("MX-2002"));
        asCustomerOf("MX-2002").queryParam("returnId", returnId.toString()).get("/refunds").then()
                .statusCode(200).body("id", equalTo(List.of(refundId)));
        // Another order's customer: the refund does not exist for them.
        asCustomerOf("MX-9999").get("/refunds/" + refundId).then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        asCustomerOf("MX-9999").queryParam("returnId", returnId.toString()).get("/refunds").then()
                .statusCode(200).body("", hasSize(0));
        anonymous().get("/refunds/" + refundId).then().statusCode(401)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void aGuestsReceivedReturnIsRefundedLikeAnyOther() {
        UUID returnId = UUID.randomUUID();
        publish(resolved(returnId, "MX-GUEST-1", ReturnEvents.GUEST, ReturnEvents.SHIRTS_AND_SNEAKERS));

        ConsumerRecord<String, byte[]> record = awaitOutcome(returnId, EventCatalog.typeOf(RefundIssued.class), WAIT);
        RefundIssued issued = EventJson.fromBytes(record.value(), RefundIssued.class);
        assertThat(issued.customer()).isEqualTo(ReturnEvents.GUEST);
        assertThat(json(record).path("customer").path("customerId").isNull()).isTrue();
        assertThat(issued.amount()).isEqualTo(Money.of("2298.80", "MXN"));
        assertThat(refundOf(returnId).getString("status")).isEqualTo("ISSUED");
        assertThat(ServiceDatabase.count("select count(*) from refund where return_id = ?::uuid and customer_id is null",
                returnId.toString())).isEqualTo(1);
    }

    @Test
    void theSameReturnResolvedTwiceOrUnderAnotherEventIdIsRefundedOnce() {
        UUID returnId = UUID.randomUUID();
        ReturnResolved received = resolved(returnId, "MX-2002");
        String eventId = UUID.randomUUID().toString();
        String otherEventId = UUID.randomUUID().toString();
        publish(received, eventId);
        publish(received, eventId);
        publish(received, otherEventId);
        // Same key, same partition: once the last delivery is claimed, all three have been handled.
        await().atMost(WAIT).until(() ->
                ServiceDatabase.count("select count(*) from inbox_message where event_id = ?", otherEventId) == 1);

        try (KafkaTestClient kafka = ServiceDatabase.kafka()) {
            kafka.awaitRecords(Topics.REFUNDS, r -> isFor(r, returnId), 1, WAIT);
            assertThat(kafka.readAll(Topics.REFUNDS, r -> isFor(r, returnId), Duration.ofSeconds(3)))
                    .extracting(r -> KafkaTestClient.header(r, "ce_type")).containsExactly(EventCatalog.typeOf(RefundIssued.class));
        }
        assertThat(ServiceDatabase.count("select count(*) from refund where return_id = ?", returnId)).isEqualTo(1);
        assertThat(ServiceDatabase.count("select count(*) from inbox_message where event_id = ?", eventId)).isEqualTo(1);
        String refundId = refundOf(returnId).getString("id");
        assertThat(refundOf(returnId).getInt("attempts")).isEqualTo(1);
        assertThat(provider.callsFor(refundId)).isEqualTo(1);
        assertThat(provider.paymentsFor(refundId)).isEqualTo(1);
        assertThat(ServiceDatabase.count("select count(*) from pending_effect where effect_key = ?", refundId))
                .as("one payment owed").isEqualTo(1);
    }

    @Test
    void manyReturnsReceivedAtOnceAreEachRefundedOnce() {
        List<UUID> returnIds = IntStream.range(0, 8).mapToObj(i -> UUID.randomUUID()).toList();
        // Published together, their payments are due together: the worker performs them in the same rounds.
        try (KafkaTestClient kafka = ServiceDatabase.kafka()) {
            for (int i = 0; i < returnIds.size(); i++) {
                ReturnResolved event = resolved(returnIds.get(i), "MX-70" + i);
                kafka.sendCloudEvent(event.topic(), event.aggregateId(), UUID.randomUUID().toString(),
                        event.eventType(), "returns-service", EventJson.toBytes(event));
            }
        }

        try (KafkaTestClient kafka = ServiceDatabase.kafka()) {
            List<ConsumerRecord<String, byte[]>> issued = kafka.awaitRecords(Topics.REFUNDS,
                    r -> returnIds.stream().anyMatch(returnId -> isFor(r, returnId)), returnIds.size(), WAIT);
            assertThat(issued).extracting(r -> KafkaTestClient.header(r, "ce_type"))
                    .containsOnly(EventCatalog.typeOf(RefundIssued.class));
            assertThat(issued).extracting(r -> json(r).path("returnId").asText())
                    .containsExactlyInAnyOrderElementsOf(returnIds.stream().map(UUID::toString).toList());
        }
        for (UUID returnId : returnIds) {
            JsonPath refund = refundOf(returnId);
            assertThat(refund.getString("status")).isEqualTo("ISSUED");
            assertThat(provider.paymentsFor(refund.getString("id"))).isEqualTo(1);
            assertThat(provider.callsFor(refund.getString("id"))).isEqualTo(1);
        }
    }

    @Test
    void aRefusedRefundFailsForGoodWithTheProvidersReason() {
        UUID returnId = UUID.randomUUID();
        publish(resolved(returnId, "FAIL-3001"));

        RefundFailed failed = EventJson.fromBytes(awaitOutcome(returnId, EventCatalog.typeOf(RefundFailed.class), WAIT).value(),
                RefundFailed.class);
        assertThat(failed.reason()).isEqualTo("card account closed (simulated)");
        assertThat(failed.amount()).isEqualTo(Money.of("2298.80", "MXN"));
        assertThat(failed.customer()).isEqualTo(ReturnEvents.ANA);
        JsonPath refund = refundOf(returnId);
        assertThat(refund.getString("status")).isEqualTo("FAILED");
        assertThat(refund.getString("failureReason")).isEqualTo("card account closed (simulated)");
        assertThat(refund.getString("providerReference")).isNull();
        assertThat(refund.getInt("attempts")).as("a refusal is not retried").isEqualTo(1);
        assertThat(provider.callsFor(refund.getString("id"))).isEqualTo(1);
        assertThat(provider.paymentsFor(refund.getString("id"))).isZero();
    }

    @Test
    void transientProviderFailuresAreRetriedUntilTheRefundIsIssued() {
        UUID returnId = UUID.randomUUID();
        publish(resolved(returnId, "FLAKY-3002"));

        awaitOutcome(returnId, EventCatalog.typeOf(RefundIssued.class), WAIT);
        JsonPath refund = refundOf(returnId);
        assertThat(refund.getString("status")).isEqualTo("ISSUED");
        assertThat(refund.getInt("attempts")).as("two timeouts, then paid").isEqualTo(3);
        assertThat(provider.callsFor(refund.getString("id"))).as("same key every time").isEqualTo(3);
        assertThat(provider.paymentsFor(refund.getString("id"))).isEqualTo(1);
    }

    @Test
    void aProviderThatStaysDownFailsTheRefundOnlyOnceItsLookupFindsNoPayment() {
        UUID returnId = UUID.randomUUID();
        publish(resolved(returnId, "DOWN-3003"));

        RefundFailed failed = EventJson.fromBytes(awaitOutcome(returnId, EventCatalog.typeOf(RefundFailed.class), WAIT).value(),
                RefundFailed.class);
        assertThat(failed.reason()).isEqualTo("outcome unknown: gave up after 5 attempts: provider timeout (simulated, "
                + "call 5); the provider has no record of it, nothing was paid");
        JsonPath refund = refundOf(returnId);
        assertThat(refund.getString("status")).isEqualTo("FAILED");
        assertThat(refund.getString("failureReason")).isEqualTo(failed.reason());
        assertThat(refund.getInt("attempts")).isEqualTo(5);
        assertThat(provider.callsFor(refund.getString("id"))).isEqualTo(5);
        assertThat(provider.lookupsFor(refund.getString("id"))).as("asked what became of it").isEqualTo(1);
        assertThat(provider.paymentsFor(refund.getString("id"))).isZero();
        assertOnlyOutcome(returnId, EventCatalog.typeOf(RefundFailed.class));
    }

    @Test
    void anAdapterThrowingUnexpectedlyEndsInAVisibleFinalStateNotPendingForever() {
        UUID returnId = UUID.randomUUID();
        publish(resolved(returnId, AnswerLosingPaymentProvider.BROKEN_PREFIX + "3005"));

        RefundFailed failed = EventJson.fromBytes(awaitOutcome(returnId, EventCatalog.typeOf(RefundFailed.class), WAIT).value(),
                RefundFailed.class);
        assertThat(failed.reason()).startsWith("outcome unknown: gave up after 5 attempts: adapter bug (test)")
                .endsWith("the provider has no record of it, nothing was paid");
        JsonPath refund = refundOf(returnId);
        assertThat(refund.getString("status")).isEqualTo("FAILED");
        assertThat(refund.getInt("attempts")).isEqualTo(5);
        assertThat(provider.paymentsFor(refund.getString("id"))).isZero();
        assertOnlyOutcome(returnId, EventCatalog.typeOf(RefundFailed.class));
    }

    @Test
    void aPaymentAnsweredWithoutAReferenceIsIssuedUnderTheReferenceItsLookupFinds() {
        UUID returnId = UUID.randomUUID();
        publish(resolved(returnId, AnswerLosingPaymentProvider.NO_REFERENCE_PREFIX + "3006"));

        RefundIssued issued = EventJson.fromBytes(awaitOutcome(returnId, EventCatalog.typeOf(RefundIssued.class), WAIT).value(),
                RefundIssued.class);
        String refundId = issued.refundId().toString();
        assertThat(issued.providerReference()).startsWith("sim_re_");
        assertThat(provider.paymentsFor(refundId)).as("paid once, whatever the calls").isEqualTo(1);
        assertThat(provider.callsFor(refundId)).isEqualTo(5);
        JsonPath refund = refundOf(returnId);
        assertThat(refund.getString("status")).isEqualTo("ISSUED");
        assertThat(refund.getString("providerReference")).isEqualTo(issued.providerReference());
        assertOnlyOutcome(returnId, EventCatalog.typeOf(RefundIssued.class));
    }

    @Test
    void aRefundAnEarlierVersionFailedAfterUnansweredCallsButThatWasPaidIsReconciledToIssued() throws IOException {
        UUID refundId = UUID.randomUUID();
        UUID returnId = UUID.randomUUID();
        // The earlier version: every call timed out, yet the provider paid; the refund was recorded FAILED.
        ProviderRefund paidLate = provider.refund(new RefundOrder(refundId.toString(), "MX-5004",
                Money.of("150.00", "MXN"))).await().atMost(WAIT);
        ServiceDatabase.execute("""
                INSERT INTO refund (id, return_id, order_id, amount, currency, status, attempts, failure_reason,
                                    customer_id, email, locale, country, created_at, updated_at)
                VALUES ('%s', '%s', 'MX-5004', 150.00, 'MXN', 'FAILED', 5,
                        'gave up after 5 attempts: no answer from the partner within PT10S', 'cust-ana',
                        'ana@example.mx', 'es-MX', 'MX', now() - interval '1 day', now() - interval '1 day')"""
                .formatted(refundId, returnId));

        ServiceDatabase.execute(migration("db/migration/V3__reconcile_refunds_given_up_unanswered.sql"));

        RefundIssued issued = EventJson.fromBytes(awaitOutcome(returnId, EventCatalog.typeOf(RefundIssued.class), WAIT).value(),
                RefundIssued.class);
        assertThat(issued.providerReference()).isEqualTo(paidLate.reference());
        JsonPath refund = refundOf(returnId);
        assertThat(refund.getString("status")).isEqualTo("ISSUED");
        assertThat(refund.getString("failureReason")).startsWith("paid after it was recorded FAILED (gave up after 5");
        assertThat(provider.paymentsFor(refundId.toString())).as("the lookup pays nothing").isEqualTo(1);
        assertThat(provider.callsFor(refundId.toString())).isEqualTo(1);
    }

    @Test
    void linesInMixedCurrenciesFailTheRefundWithoutPaying() {
        UUID returnId = UUID.randomUUID();
        publish(resolved(returnId, "MX-3004", List.of(
                new ReturnedLine("L1", "SKU-SHIRT", "Camisa", 1, Money.of("499.90", "MXN"), "DEFECTIVE"),
                new ReturnedLine("L2", "SKU-CAP", "Cap", 1, Money.of("20.00", "USD"), "DEFECTIVE"))));

        RefundFailed failed = EventJson.fromBytes(awaitOutcome(returnId, EventCatalog.typeOf(RefundFailed.class), WAIT).value(),
                RefundFailed.class);
        assertThat(failed.reason()).isEqualTo("the resolved lines mix currencies MXN, USD");
        assertThat(failed.amount()).isEqualTo(Money.zero("MXN"));
        JsonPath refund = refundOf(returnId);
        assertThat(refund.getString("status")).isEqualTo("FAILED");
        assertThat(refund.getInt("attempts")).isZero();
        assertThat(provider.callsFor(refund.getString("id"))).isZero();
        assertThat(ServiceDatabase.count("select count(*) from pending_effect where effect_key = ?",
                refund.getString("id"))).as("no payment owed").isZero();
    }

    @Test
    void anAnswerLostAfterThePaymentIsRetriedUnderTheSameKeyAndPaysOnce() {
        UUID returnId = UUID.randomUUID();
        publish(resolved(returnId, AnswerLosingPaymentProvider.LOST_PREFIX + "5001"));

        RefundIssued issued = EventJson.fromBytes(awaitOutcome(returnId, EventCatalog.typeOf(RefundIssued.class), WAIT).value(),
                RefundIssued.class);
        String refundId = issued.refundId().toString();
        assertThat(provider.callsFor(refundId)).as("paid, answer lost, asked again").isEqualTo(2);
        assertThat(provider.paymentsFor(refundId)).as("paid once").isEqualTo(1);
        JsonPath refund = refundOf(returnId);
        assertThat(refund.getString("status")).isEqualTo("ISSUED");
        assertThat(refund.getString("providerReference")).isEqualTo(issued.providerReference());
        assertThat(refund.getInt("attempts")).isEqualTo(2);
        assertOnlyOutcome(returnId, EventCatalog.typeOf(RefundIssued.class));
    }

    @Test
    void aPaymentWhoseWorkerCrashedIsPaidAgainAfterItsLeaseUnderTheSameKey() {
        UUID refundId = UUID.randomUUID();
        UUID returnId = UUID.randomUUID();
        RefundOrder order = new RefundOrder(refundId.toString(), "MX-5002", Money.of("150.00", "MXN"));
        // The crash: attempt 1 leased the payment and the provider paid, then the process died before the outcome
        // was stored. What is left is a PENDING refund and a PENDING effect whose lease has run out.
        ProviderRefund paidBeforeTheCrash = provider.refund(order).await().atMost(WAIT);
        ServiceDatabase.execute("""
                INSERT INTO refund (id, return_id, order_id, amount, currency, status, attempts, customer_id, email,
                                    locale, country, created_at, updated_at)
                VALUES ('%s', '%s', 'MX-5002', 150.00, 'MXN', 'PENDING', 0, 'cust-ana', 'ana@example.mx', 'es-MX',
                        'MX', now() - interval '10 minutes', now() - interval '10 minutes')""".formatted(refundId, returnId));
        ServiceDatabase.execute("""
                INSERT INTO pending_effect (id, kind, effect_key, payload, status, attempts, due_at, created_at,
                                            updated_at)
                VALUES ('%s', 'refund-payment', '%s', '%s', 'PENDING', 1, now() - interval '1 second',
                        now() - interval '10 minutes', now() - interval '10 minutes')"""
                .formatted(UUID.randomUUID(), refundId, EventJson.toJson(order)));

        RefundIssued issued = EventJson.fromBytes(awaitOutcome(returnId, EventCatalog.typeOf(RefundIssued.class), WAIT).value(),
                RefundIssued.class);
        assertThat(issued.refundId()).isEqualTo(refundId);
        assertThat(issued.providerReference()).as("the same payment").isEqualTo(paidBeforeTheCrash.reference());
        assertThat(issued.amount()).isEqualTo(Money.of("150.00", "MXN"));
        assertThat(provider.callsFor(refundId.toString())).isEqualTo(2);
        assertThat(provider.paymentsFor(refundId.toString())).isEqualTo(1);
        JsonPath refund = refundOf(returnId);
        assertThat(refund.getString("status")).isEqualTo("ISSUED");
        assertThat(refund.getInt("attempts")).isEqualTo(2);
        assertThat(ServiceDatabase.count("select count(*) from pending_effect where effect_key = ? and status = 'DONE'",
                refundId.toString())).isEqualTo(1);
        assertOnlyOutcome(returnId, EventCatalog.typeOf(RefundIssued.class));
    }

    @Test
    void aRefundLeftPendingByThePreviousVersionIsScheduledByTheMigrationAndPaidOnce() throws IOException {
        UUID refundId = UUID.randomUUID();
        UUID returnId = UUID.randomUUID();
        // The previous version (sweeper design) paid, then stopped before storing the outcome: no pending_effect row.
        ProviderRefund paidByThePreviousVersion = provider.refund(new RefundOrder(refundId.toString(), "MX-5003",
                Money.of("150.00", "MXN"))).await().atMost(WAIT);
        ServiceDatabase.execute("""
                INSERT INTO refund (id, return_id, order_id, amount, currency, status, attempts, customer_id, email,
                                    locale, country, created_at, updated_at)
                VALUES ('%s', '%s', 'MX-5003', 150.00, 'MXN', 'PENDING', 1, 'cust-ana', 'ana@example.mx', 'es-MX',
                        'MX', now() - interval '10 minutes', now() - interval '10 minutes')""".formatted(refundId, returnId));

        ServiceDatabase.execute(migration("db/migration/V2__refund_payments_as_effects.sql"));

        RefundIssued issued = EventJson.fromBytes(awaitOutcome(returnId, EventCatalog.typeOf(RefundIssued.class), WAIT).value(),
                RefundIssued.class);
        assertThat(issued.providerReference()).isEqualTo(paidByThePreviousVersion.reference());
        assertThat(issued.amount()).isEqualTo(Money.of("150.00", "MXN"));
        assertThat(provider.callsFor(refundId.toString())).isEqualTo(2);
        assertThat(provider.paymentsFor(refundId.toString())).isEqualTo(1);
        assertThat(refundOf(returnId).getString("status")).isEqualTo("ISSUED");
    }

    @Test
    void aPoisonMessageIsDeadLetteredAndTheNextEventIsStillRefunded() {
        String poisonKey = UUID.randomUUID().toString();
        UUID brokenReturn = UUID.randomUUID();
        try (KafkaTestClient kafka = ServiceDatabase.kafka()) {
            kafka.sendCloudEvent(Topics.RETURNS, poisonKey, EventCatalog.typeOf(ReturnResolved.class), "returns-service",
                    "not json at all".getBytes(StandardCharsets.UTF_8));
        }
        publish(resolved(brokenReturn, "MX-4000", List.of()));
        UUID next = UUID.randomUUID();
        publish(resolved(next, "MX-4001"));

        await().atMost(WAIT).until(() -> ServiceDatabase.count(
                "select count(*) from refund where return_id = ? and status = 'ISSUED'", next) == 1);
        try (KafkaTestClient kafka = ServiceDatabase.kafka()) {
            ConsumerRecord<String, byte[]> poison = kafka.awaitRecords(Topics.deadLetter("refund-service"),
                    r -> poisonKey.equals(r.key()), 1, WAIT).get(0);
            assertThat(KafkaTestClient.header(poison, "dead-letter-reason")).contains("not a valid ReturnResolved");
            assertThat(KafkaTestClient.header(poison, "dead-letter-topic")).isEqualTo(Topics.RETURNS);
            assertThat(KafkaTestClient.header(poison, "ce_type")).isEqualTo(EventCatalog.typeOf(ReturnResolved.class));
            assertThat(new String(poison.value(), StandardCharsets.UTF_8)).isEqualTo("not json at all");

            ConsumerRecord<String, byte[]> broken = kafka.awaitRecords(Topics.deadLetter("refund-service"),
                    r -> brokenReturn.toString().equals(r.key()), 1, WAIT).get(0);
            assertThat(KafkaTestClient.header(broken, "dead-letter-reason")).contains("there are no resolved lines");
        }
        assertThat(ServiceDatabase.count("select count(*) from refund where return_id = ?", brokenReturn)).isZero();
    }

    @Test
    void returnEventsOtherThanReturnResolvedAreSkippedReturnReceivedIncluded() {
        UUID returnId = UUID.randomUUID();
        String approvedEventId = publish(new ReturnApproved(returnId, "MX-6001", "RMA-MX-6001", ReturnEvents.ANA,
                ReturnEvents.SHIRTS_AND_SNEAKERS, Instant.now()));
        // Before resolutions this owed the refund; now a received return may still be inspected, so it settles nothing.
        String receivedEventId = publish(new ReturnReceived(returnId, "MX-6001", "RMA-MX-6001", ReturnEvents.ANA,
                ReturnEvents.SHIRTS_AND_SNEAKERS, Instant.now()));
        String resolvedEventId = publish(resolved(returnId, "MX-6001"));

        // Same key, same partition: once ReturnResolved is claimed, the two before it have been handled.
        await().atMost(WAIT).until(() ->
                ServiceDatabase.count("select count(*) from inbox_message where event_id = ?", resolvedEventId) == 1);
        assertThat(ServiceDatabase.count("select count(*) from inbox_message where event_id in (?, ?)",
                approvedEventId, receivedEventId)).isZero();
        assertThat(ServiceDatabase.count("select count(*) from refund where return_id = ?", returnId)).isEqualTo(1);
        assertThat(refundOf(returnId).getString("amount.amount")).isEqualTo("2298.80");
    }

    @Test
    void unknownOrMalformedIdsAreProblems() {
        asOps().when().get("/refunds/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        asOps().when().get("/refunds/not-a-uuid").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("id"));
        asOps().queryParam("returnId", "nope").when().get("/refunds").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("returnId"));
        asOps().when().get("/refunds").then().statusCode(400).body("violations[0].field", equalTo("returnId"));
        asOps().queryParam("returnId", UUID.randomUUID().toString()).when().get("/refunds").then().statusCode(200)
                .body("", hasSize(0));
    }


    private static String migration(String resource) throws IOException {
        try (var in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }




    private static JsonNode json(ConsumerRecord<String, byte[]> record) {
        try {
            return EventJson.mapper().readTree(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CloudEvent cloudEvent(ConsumerRecord<String, byte[]> record) {
        try (CloudEventDeserializer deserializer = new CloudEventDeserializer()) {
            return deserializer.deserialize(record.topic(), record.headers(), record.value());
        }
    }
}
