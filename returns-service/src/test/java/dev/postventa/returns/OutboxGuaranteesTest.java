package dev.postventa.returns;

import static dev.postventa.infra.Callers.management;
import dev.postventa.events.EventCatalog;
import dev.postventa.events.returns.ReturnRequested;
import dev.postventa.events.returns.ReturnApproved;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.postventa.events.EventJson;
import dev.postventa.events.Topics;
import dev.postventa.infra.KafkaTestClient;
import dev.postventa.infra.PostventaTestResource;
import dev.postventa.support.relay.OutboxRelay;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** What the transactional outbox and its relay promise: all or nothing, nothing lost, and honest readiness. */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "returns"))
class OutboxGuaranteesTest extends ReturnsTestSupport {

    @Inject
    OutboxRelay relay;

    @Test
    void refusedAndRolledBackRequestsPublishNothing() {
        String orderId = deliveredOrder();
        // Refused by the policy: nothing is stored, nothing is published.
        postReturn(returnBody(orderId, Orders.SHIRT, 5, "DAMAGED"), null).statusCode(422);

        // Fails inside the database after the return and its events were written: the whole transaction rolls back.
        String poisonedKey = "rollback-" + orderId;
        execute("""
                CREATE OR REPLACE FUNCTION refuse_poisoned_key() RETURNS trigger AS $$
                BEGIN
                  IF NEW.idempotency_key LIKE 'rollback-%' THEN RAISE EXCEPTION 'injected failure'; END IF;
                  RETURN NEW;
                END $$ LANGUAGE plpgsql;
                DROP TRIGGER IF EXISTS refuse_poisoned_key ON idempotency_record;
                CREATE TRIGGER refuse_poisoned_key BEFORE INSERT ON idempotency_record
                  FOR EACH ROW EXECUTE FUNCTION refuse_poisoned_key();
                """);
        try {
            postReturn(returnBody(orderId, Orders.SHIRT, 1, "DAMAGED"), poisonedKey)
                    .statusCode(500).contentType("application/problem+json");
        } finally {
            execute("DROP TRIGGER refuse_poisoned_key ON idempotency_record");
        }
        assertThat(count("select count(*) from return_request where order_id = ?", orderId)).isZero();

        // A valid request afterwards: its two events are the only ones the order ever had on the topic.
        String returnId = postReturn(returnBody(orderId, Orders.SHIRT, 1, "DAMAGED"), null)
                .statusCode(201).extract().path("id");
        try (KafkaTestClient kafka = kafka()) {
            kafka.awaitRecords(Topics.RETURNS, r -> returnId.equals(r.key()), 2, Duration.ofSeconds(30));
            List<ConsumerRecord<String, byte[]>> forOrder = kafka.awaitRecords(Topics.RETURNS,
                    r -> orderId.equals(orderIdOf(r)), 2, Duration.ofSeconds(30));
            assertThat(forOrder).extracting(ConsumerRecord::key).containsOnly(returnId);
        }
    }

    @Test
    void eventsWrittenWhileTheRelayIsDownArePublishedWhenItIsBack() {
        String orderId = deliveredOrder();
        relay.stop();
        String returnId;
        try {
            returnId = postReturn(returnBody(orderId, Orders.SNEAKERS, 1, "DEFECTIVE"), null)
                    .statusCode(201).extract().path("id");
            try (KafkaTestClient kafka = kafka()) {
                kafka.assertNoRecords(Topics.RETURNS, r -> returnId.equals(r.key()), Duration.ofSeconds(3));
            }
        } finally {
            relay.start();
        }
        try (KafkaTestClient kafka = kafka()) {
            List<ConsumerRecord<String, byte[]>> records = kafka.awaitRecords(Topics.RETURNS,
                    r -> returnId.equals(r.key()), 2, Duration.ofSeconds(60));
            assertThat(records).extracting(r -> KafkaTestClient.header(r, "ce_type"))
                    .containsExactly(EventCatalog.typeOf(ReturnRequested.class), EventCatalog.typeOf(ReturnApproved.class));
        }
        awaitReady();
    }

    @Test
    void aFailedEngineMakesTheServiceNotReadyUntilItIsRestarted() {
        awaitReady();
        String slot = config("postventa.relay.slot-name");
        // Kill the relay's replication connection from the database side, as a failover or a DBA would.
        execute("SELECT pg_terminate_backend(active_pid) FROM pg_replication_slots WHERE slot_name = '" + slot + "'");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                management().when().get("/q/health/ready").then().statusCode(503));
        awaitReady();
        assertThat(relay.state().restarts()).isPositive();

        // And it relays again after the restart.
        String orderId = deliveredOrder();
        String returnId = postReturn(returnBody(orderId, Orders.SHIRT, 1, "DAMAGED"), null)
                .statusCode(201).extract().path("id");
        try (KafkaTestClient kafka = kafka()) {
            kafka.awaitRecords(Topics.RETURNS, r -> returnId.equals(r.key()), 2, Duration.ofSeconds(60));
        }
    }

    @Test
    void aRelayThatLostItsLockTakesItBackAndThenRelaysEachEventOnce() {
        awaitReady();
        int restartsBefore = relay.state().restarts();
        String lockHolder = """
                SELECT pid FROM pg_locks
                WHERE locktype = 'advisory' AND granted
                  AND database = (SELECT oid FROM pg_database WHERE datname = current_database())""";
        assertThat(count("SELECT count(*) FROM (" + lockHolder + ") holder")).isEqualTo(1);
        long killed = count(lockHolder);

        // The relay lock's session dies (a DBA, a failover, a database outage): the relay stops the engine it can no
        // longer own, takes the lock back on a new connection and streams again.
        execute("SELECT pg_terminate_backend(pid) FROM (" + lockHolder + ") holder");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(count("SELECT count(*) FROM (" + lockHolder + ") holder WHERE pid <> " + killed)).isEqualTo(1);
            assertThat(relay.state().isStreaming()).isTrue();
        });

        // Closing its own engine is not a failure: nothing restarts afterwards, and an event written now reaches the
        // topic once, not once per restart.
        String orderId = deliveredOrder();
        String returnId = postReturn(returnBody(orderId, Orders.SHIRT, 1, "DAMAGED"), null)
                .statusCode(201).extract().path("id");
        try (KafkaTestClient kafka = kafka()) {
            kafka.awaitRecords(Topics.RETURNS, r -> returnId.equals(r.key()), 2, Duration.ofSeconds(60));
            assertThat(kafka.readAll(Topics.RETURNS, r -> returnId.equals(r.key()), Duration.ofSeconds(2)))
                    .extracting(r -> KafkaTestClient.header(r, "ce_type"))
                    .containsExactly(EventCatalog.typeOf(ReturnRequested.class), EventCatalog.typeOf(ReturnApproved.class));
        }
        assertThat(relay.state().restarts()).isEqualTo(restartsBefore);
        assertThat(relay.state().isStreaming()).isTrue();
    }

    private static String orderIdOf(ConsumerRecord<String, byte[]> record) {
        try {
            return EventJson.mapper().readTree(record.value()).path("orderId").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitReady() {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                management().when().get("/q/health/ready").then().statusCode(200));
    }

}
