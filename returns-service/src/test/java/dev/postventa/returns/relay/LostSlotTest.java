package dev.postventa.returns.relay;

import static dev.postventa.infra.Callers.management;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

import dev.postventa.events.Topics;
import dev.postventa.infra.KafkaTestClient;
import dev.postventa.infra.PostventaTestResource;
import dev.postventa.infra.ServiceDatabase;
import dev.postventa.returns.Orders;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * §4.4: the replication slot the relay streamed from is dropped while the service runs. The relay must not re-create
 * it silently at the current position: readiness goes DOWN with the reason, writes are refused (503), the gauge says
 * so, until an operator takes the documented recovery step.
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "returns"))
class LostSlotTest extends RelayTestSupport {

    private static final String SLOT_LOST = "checks.find { it.name == 'outbox-relay' }.data.slotLost";

    @Test
    void aDroppedSlotRefusesWritesAndKeepsTheServiceNotReadyUntilAnOperatorRecovers() {
        awaitReady();
        String slot = config("postventa.relay.slot-name");
        String orderId = deliveredOrder();
        assertThat(metric("postventa_relay_slot_lag_bytes")).isGreaterThanOrEqualTo(0);

        // As a DBA or a failover would: end the walsender, then drop the slot while it is inactive.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> dropSlot(slot));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> management().when().get("/q/health/ready")
                .then().statusCode(503).body(SLOT_LOST, containsString(slot)));
        postReturn(returnBody(orderId, Orders.SHIRT, 1, "DAMAGED"), null)
                .statusCode(503).contentType("application/problem+json").body("detail", containsString(slot));
        assertThat(count("select count(*) from return_request where order_id = ?", orderId)).isZero();
        assertThat(metric("postventa_relay_slot_lost")).isEqualTo(1.0);
        // Still DOWN a while later (past several of the relay's slot checks, every second in %test, and its restarts, from 1 s doubling):
        // nothing re-created the slot behind the operator's back.
        await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                management().when().get("/q/health/ready").then().statusCode(503).body(SLOT_LOST, notNullValue()));
        assertThat(count("select count(*) from pg_replication_slots where slot_name = ?", slot)).isZero();

        // The documented recovery: the operator accepts the gap by letting the relay forget the old slot and its
        // position in it; the relay, which keeps looking, then creates a new slot at the current position.
        execute("DELETE FROM outbox_relay_slot; DELETE FROM outbox_relay_offsets;");
        awaitReady();
        assertThat(metric("postventa_relay_slot_lost")).isZero();
        String returnId = postReturn(returnBody(orderId, Orders.SHIRT, 1, "DAMAGED"), null)
                .statusCode(201).extract().path("id");
        try (KafkaTestClient kafka = kafka()) {
            kafka.awaitRecords(Topics.RETURNS, r -> returnId.equals(r.key()), 2, Duration.ofSeconds(60));
        }
    }

    /** True once the slot is gone. */
    private static boolean dropSlot(String slot) {
        try (Connection c = ServiceDatabase.connect()) {
            try (PreparedStatement s = c.prepareStatement("SELECT pg_terminate_backend(active_pid)"
                    + " FROM pg_replication_slots WHERE slot_name = ? AND active_pid IS NOT NULL")) {
                s.setString(1, slot);
                s.execute();
            }
            try (PreparedStatement s = c.prepareStatement("SELECT pg_drop_replication_slot(slot_name)"
                    + " FROM pg_replication_slots WHERE slot_name = ? AND NOT active")) {
                s.setString(1, slot);
                s.execute();
            }
        } catch (SQLException e) {
            // Still active: the walsender had not ended yet. Try again.
        }
        return count("select count(*) from pg_replication_slots where slot_name = ?", slot) == 0;
    }
}
