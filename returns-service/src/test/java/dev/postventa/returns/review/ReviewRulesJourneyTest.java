package dev.postventa.returns.review;

import static dev.postventa.infra.Callers.asOps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.postventa.events.EventCatalog;
import dev.postventa.events.EventJson;
import dev.postventa.events.Money;
import dev.postventa.events.Topics;
import dev.postventa.events.returns.ReturnRejected;
import dev.postventa.events.returns.ReturnRequested;
import dev.postventa.events.storefront.OrderLine;
import dev.postventa.events.storefront.StorefrontOrder;
import dev.postventa.events.storefront.StorefrontOrderEvent;
import dev.postventa.infra.KafkaTestClient;
import dev.postventa.infra.PostventaTestResource;
import dev.postventa.returns.ReturnsTestSupport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Under the default policy (auto-approval on) a return that trips a review rule stays REQUESTED with a history line
 * naming the rule, for operations to decide; one that trips none is approved at once. Test configuration: high value
 * from 10000 MXN, serial returner from 1000 returns in 90 days.
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "returns"))
class ReviewRulesJourneyTest extends ReturnsTestSupport {

    private static final String SERIAL_THRESHOLD = "postventa.review.serial-returner.returns";

    @Test
    void aLowValueUnflaggedReturnOfANewCustomerIsApprovedAtOnce() {
        String orderId = order(newCustomer(), "9999.99", false);
        postReturn(returnBody(orderId, "R1", 1, "CHANGED_MIND"), null)
                .statusCode(201)
                .body("status", equalTo("APPROVED"))
                .body("rmaNumber", startsWith("RMA-"))
                .body("history.status", equalTo(List.of("REQUESTED", "APPROVED")));
    }

    @Test
    void aHighValueReturnWaitsForReviewNamingTheRuleAndIsNotApproved() {
        String orderId = order(newCustomer(), "10000.00", false);
        String returnId = held(orderId, "held for manual review: high value (10000.00 MXN, review from 10000 MXN)");

        try (KafkaTestClient kafka = kafka()) {
            kafka.awaitRecords(Topics.RETURNS, r -> returnId.equals(r.key()), 1, Duration.ofSeconds(60));
            assertThat(kafka.readAll(Topics.RETURNS, r -> returnId.equals(r.key()), Duration.ofSeconds(2)))
                    .extracting(r -> KafkaTestClient.header(r, "ce_type"))
                    .containsExactly(EventCatalog.typeOf(ReturnRequested.class));
        }
    }

    @Test
    void aLineTheStorefrontFlaggedWaitsForReviewAndOperationsRejectionIsPublished() throws Exception {
        String orderId = order(newCustomer(), "500.00", true);
        String returnId = held(orderId, "held for manual review: flagged by the storefront (line R1)");

        asOps().contentType(ContentType.JSON).body("{\"reason\": \"bought with a stolen card\"}")
                .post("/returns/" + returnId + "/reject").then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"));

        try (KafkaTestClient kafka = kafka()) {
            String rejected = EventCatalog.typeOf(ReturnRejected.class);
            List<ConsumerRecord<String, byte[]>> records = kafka.awaitRecords(Topics.RETURNS,
                    r -> returnId.equals(r.key()) && rejected.equals(KafkaTestClient.header(r, "ce_type")), 1,
                    Duration.ofSeconds(60));
            var event = EventJson.mapper().readTree(records.get(0).value());
            assertThat(event.path("reason").asText()).isEqualTo("bought with a stolen card");
            assertThat(event.path("orderId").asText()).isEqualTo(orderId);
            assertThat(event.path("lines").path(0).path("lineId").asText()).isEqualTo("R1");
        }
    }

    @Test
    void aCustomerWithManyRecentReturnsIsASerialReturner() {
        int threshold = Integer.parseInt(config(SERIAL_THRESHOLD));
        String customer = newCustomer();
        String orderId = order(customer, "500.00", false, 2);
        // Earlier returns of this customer, as this service's own rows: all but one inside the 90 days, and one
        // older that no longer counts.
        execute(("insert into return_request (id, order_id, customer_id, email, locale, country, status, lines, "
                + "created_at, updated_at) select md5('%s' || g)::uuid, '%s', '%s', 'x@example.mx', 'es-MX', 'MX', "
                + "'REJECTED', '[]'::jsonb, now() - (case when g = 0 then interval '91 days' else interval '60 days' "
                + "end), now() from generate_series(0, %d) g").formatted(customer, orderId, customer, threshold - 1));

        // threshold - 1 recent returns: approved at once.
        postReturn(returnBody(orderId, "R1", 1, "CHANGED_MIND"), null)
                .statusCode(201)
                .body("status", equalTo("APPROVED"));
        // The one just made is the threshold's.
        held(orderId, "held for manual review: serial returner (at least " + threshold
                + " returns in the last 90 days)");
    }

    @Test
    void aGuestIsCountedByEmailWhateverItsCase() {
        int threshold = Integer.parseInt(config(SERIAL_THRESHOLD));
        String email = "Guest-" + UUID.randomUUID() + "@Example.mx";
        String orderId = order(null, email, "500.00", false, 1);
        execute(("insert into return_request (id, order_id, customer_id, email, locale, country, status, lines, "
                + "created_at, updated_at) select md5('%s' || g)::uuid, '%s', null, '%s', 'es-MX', 'MX', "
                + "'REJECTED', '[]'::jsonb, now() - interval '1 day', now() from generate_series(1, %d) g")
                .formatted(email, orderId, email.toLowerCase(), threshold));

        held(orderId, "held for manual review: serial returner (at least " + threshold
                + " returns in the last 90 days)");
    }

    /** Posts a return of one R1 and checks that it waits in REQUESTED with {@code note}; returns its id. */
    private static String held(String orderId, String note) {
        String location = postReturn(returnBody(orderId, "R1", 1, "DEFECTIVE"), null)
                .statusCode(201)
                .body("status", equalTo("REQUESTED"))
                .body("rmaNumber", nullValue())
                .body("history.status", equalTo(List.of("REQUESTED", "REQUESTED")))
                .body("history[1].detail", equalTo(note))
                .extract().header("Location");
        return URI.create(location).getPath().replace("/returns/", "");
    }

    private static String newCustomer() {
        return "cust-" + UUID.randomUUID();
    }

    private static String order(String customerId, String unitPrice, boolean flagged) {
        return order(customerId, unitPrice, flagged, 1);
    }

    /** A delivered Mexican order of {@code quantity} units of line R1 at {@code unitPrice} MXN. */
    private static String order(String customerId, String unitPrice, boolean flagged, int quantity) {
        return order(customerId, "eva@example.mx", unitPrice, flagged, quantity);
    }

    private static String order(String customerId, String email, String unitPrice, boolean flagged, int quantity) {
        String orderId = "MX-" + UUID.randomUUID().toString().substring(0, 8);
        Instant placed = Instant.now().minus(5, ChronoUnit.DAYS);
        Instant delivered = placed.plus(2, ChronoUnit.DAYS);
        StorefrontOrder order = new StorefrontOrder(orderId, customerId, email, "es-MX", "MX", "MXN",
                List.of(new OrderLine("R1", "SKU-R1", "Laptop", "electronics", quantity, Money.of(unitPrice, "MXN"),
                        false, "P-R1", flagged)),
                placed, delivered, null);
        publish(new StorefrontOrderEvent(UUID.randomUUID().toString(), StorefrontOrderEvent.ORDER_DELIVERED, delivered,
                order));
        awaitOrder(orderId, true);
        return orderId;
    }
}
