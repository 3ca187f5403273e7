package dev.postventa.returns.resilience;

import static dev.postventa.infra.Callers.management;
import static dev.postventa.infra.Callers.asOps;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesRegex;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.EventCatalog;
import dev.postventa.events.EventJson;
import dev.postventa.events.Topics;
import dev.postventa.events.shipments.ShipmentStatus;
import dev.postventa.events.shipments.ShipmentStatusChanged;
import dev.postventa.infra.KafkaTestClient;
import dev.postventa.infra.PostventaTestResource;
import dev.postventa.returns.Orders;
import dev.postventa.returns.ReturnsTestSupport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The inbox on the real infrastructure: a database outage makes consumers wait and resume (nothing dead-lettered,
 * nothing lost), an event from a service that does not own its topic is never applied, and old claims are
 * forgotten.
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "returns"))
class InboxResilienceTest extends ReturnsTestSupport {

    private static final String DATABASE = "returns";
    /** Long enough for several of the consumer's retries (1 s doubling, at most 4 s apart in %test). */
    private static final Duration OUTAGE = Duration.ofSeconds(10);

    @Test
    void ordersPublishedWhileTheDatabaseIsUnreachableAreTakenInOnceItIsBackAndNoneIsDeadLettered() throws Exception {
        // The consumer is running: an order before the outage is taken in.
        String before = Orders.newOrderId();
        publish(Orders.placed(before, Instant.now()));
        awaitOrder(before, false);

        List<String> during = new ArrayList<>();
        Instant placed = Instant.now().minus(3, ChronoUnit.DAYS);
        try (Connection superuser = superuser(); Statement sql = superuser.createStatement()) {
            // The outage: no new connection to the service's database, the service's open ones cut.
            sql.execute("ALTER DATABASE " + DATABASE + " CONNECTION LIMIT 0");
            try {
                sql.execute("""
                        SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                        WHERE datname = '%s' AND usename = 'postventa' AND pid <> pg_backend_pid()""".formatted(DATABASE));
                for (int i = 0; i < 3; i++) {
                    String orderId = Orders.newOrderId();
                    during.add(orderId);
                    publish(Orders.placed(orderId, placed));
                }
                publish(Orders.delivered(during.get(0), placed, placed.plus(1, ChronoUnit.DAYS)));
                Thread.sleep(OUTAGE.toMillis());
                // Read as the superuser (the limit does not apply to it): the outage was real, nothing got in.
                assertThat(countAsSuperuser(during)).as("orders taken in during the outage").isZero();
            } finally {
                sql.execute("ALTER DATABASE " + DATABASE + " CONNECTION LIMIT -1");
            }
        }

        // Back: every order of the outage is taken in, the delivery after its placement, in order.
        await().atMost(Duration.ofSeconds(120)).until(() -> during.stream()
                .allMatch(orderId -> count("select count(*) from order_snapshot where order_id = ?", orderId) == 1));
        awaitOrder(during.get(0), true);
        postReturn(returnBody(during.get(0), Orders.SHIRT, 1, "DAMAGED"), null).statusCode(201);
        try (KafkaTestClient kafka = kafka()) {
            Set<String> keys = Set.copyOf(during);
            kafka.assertNoRecords(Topics.deadLetter("returns-service"), r -> keys.contains(r.key()),
                    Duration.ofSeconds(3));
        }
        management().when().get("/q/metrics").then().statusCode(200)
                .body(matchesRegex("(?s).*postventa_inbox_retries_total\\{consumer=\"returns-service\"} [1-9].*"));
    }

    @Test
    void aShipmentEventWhoseSourceIsNotTrackingServiceIsDeadLetteredAndNotApplied() {
        String orderId = Orders.newOrderId();
        Instant placed = Instant.now().minus(3, ChronoUnit.DAYS);
        publish(Orders.delivered(orderId, placed, placed.plus(1, ChronoUnit.DAYS)));
        awaitOrder(orderId, true);
        String returnId = postReturn(returnBody(orderId, Orders.SHIRT, 1, "DAMAGED"), null)
                .statusCode(201).body("status", equalTo("APPROVED")).extract().path("id");
        UUID shipment = UUID.randomUUID();
        String forgedId = UUID.randomUUID().toString();
        ShipmentStatusChanged delivered = new ShipmentStatusChanged(shipment, UUID.fromString(returnId),
                "TRK-" + shipment, ShipmentStatus.DELIVERED_TO_WAREHOUSE, null, "entregado", "Monterrey",
                Instant.now());

        try (KafkaTestClient kafka = kafka()) {
            // Anyone who can write the topic could claim the parcel arrived: the envelope names another source.
            kafka.sendCloudEvent(Topics.SHIPMENTS, shipment.toString(), forgedId,
                    EventCatalog.typeOf(ShipmentStatusChanged.class), "storefront", EventJson.toBytes(delivered));
            List<ConsumerRecord<String, byte[]>> dead = kafka.awaitRecords(Topics.deadLetter("returns-service"),
                    r -> shipment.toString().equals(r.key()), 1, Duration.ofSeconds(60));
            assertThat(KafkaTestClient.header(dead.get(0), "dead-letter-reason"))
                    .contains("ce_source 'storefront'").contains("only tracking-service publishes there");
        }
        assertThat(count("select count(*) from inbox_message where event_id = ?", forgedId)).isZero();
        asOps().when().get("/returns/" + returnId).then().statusCode(200).body("status", equalTo("APPROVED"));
    }

    @Test
    void claimsOlderThanTheRetentionAreDeletedInBatchesAndYoungerOnesKept() {
        String prefix = "retention-" + UUID.randomUUID() + "-";
        for (int i = 0; i < 5; i++) {
            claim("returns-service", prefix + "old-" + i, "31 days");
        }
        claim("returns-service", prefix + "young", "29 days");
        claim("another-service", prefix + "others", "90 days");

        // The sweep runs every 2 s in batches of 2 (%test settings): five expired claims take several batches.
        await().atMost(Duration.ofSeconds(60)).until(() ->
                count("select count(*) from inbox_message where event_id like ?", prefix + "old-%") == 0);
        assertThat(count("select count(*) from inbox_message where event_id = ?", prefix + "young")).isEqualTo(1);
        assertThat(count("select count(*) from inbox_message where event_id = ?", prefix + "others"))
                .as("only this consumer's claims are its to delete").isEqualTo(1);
    }

    private static void claim(String consumer, String eventId, String age) {
        execute("""
                INSERT INTO inbox_message (consumer, event_id, event_type, received_at)
                VALUES ('%s', '%s', 'storefront.order.placed', now() - interval '%s')""".formatted(consumer, eventId, age));
    }

    private static long countAsSuperuser(List<String> orderIds) throws SQLException {
        try (Connection returns = DriverManager.getConnection(jdbcUrl(DATABASE), "postgres", "postgres");
             var query = returns.prepareStatement("select count(*) from order_snapshot where order_id = any(?)")) {
            query.setArray(1, returns.createArrayOf("text", orderIds.toArray()));
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** The test PostgreSQL's superuser (the embedded server's), which the outage's connection limit does not bind. */
    private static Connection superuser() throws SQLException {
        return DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "postgres");
    }

    private static String jdbcUrl(String database) {
        String url = config("quarkus.datasource.jdbc.url");
        return url.substring(0, url.lastIndexOf('/') + 1) + database;
    }
}
