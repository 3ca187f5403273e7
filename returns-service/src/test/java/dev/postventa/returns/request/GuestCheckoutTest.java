package dev.postventa.returns.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.postventa.events.EventCatalog;
import dev.postventa.events.EventJson;
import dev.postventa.events.Topics;
import dev.postventa.events.returns.ReturnApproved;
import dev.postventa.events.returns.ReturnRequested;
import dev.postventa.infra.KafkaTestClient;
import dev.postventa.infra.PostventaTestResource;
import dev.postventa.returns.Orders;
import dev.postventa.returns.ReturnsTestSupport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Guest checkout (issue 7 §4.7): the storefront contract allows an order without customer id, locale or country.
 * Such an order is taken in, a guest's return is approved and published with no customer id and the locale of its
 * country; an order that shipped nowhere is refused a return with a clear reason, never dead-lettered.
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "returns"))
class GuestCheckoutTest extends ReturnsTestSupport {

    @Test
    void aGuestOrderWithoutLocaleIsReturnableAndItsEventsHaveNoCustomerIdAndTheCountrysLocale() throws IOException {
        String orderId = Orders.newOrderId();
        Instant placed = Instant.now().minus(4, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        publish(Orders.deliveredToGuest(orderId, "MX", placed, placed.plus(2, ChronoUnit.DAYS)));
        awaitOrder(orderId, true);

        String returnId = postReturn(returnBody(orderId, Orders.SHIRT, 1, "SIZE_TOO_SMALL"), null)
                .statusCode(201)
                .body("status", equalTo("APPROVED"))
                .extract().path("id");

        try (KafkaTestClient kafka = kafka()) {
            List<ConsumerRecord<String, byte[]>> records = kafka.awaitRecords(Topics.RETURNS,
                    r -> returnId.equals(r.key()), 2, Duration.ofSeconds(30));
            assertThat(records).extracting(r -> KafkaTestClient.header(r, "ce_type"))
                    .containsExactly(EventCatalog.typeOf(ReturnRequested.class), EventCatalog.typeOf(ReturnApproved.class));
            for (ConsumerRecord<String, byte[]> record : records) {
                JsonNode customer = EventJson.mapper().readTree(record.value()).path("customer");
                assertThat(customer.has("customerId")).as("customerId is written, as null").isTrue();
                assertThat(customer.path("customerId").isNull()).isTrue();
                assertThat(customer.path("locale").asText()).isEqualTo("es-MX");
                assertThat(customer.path("country").asText()).isEqualTo("MX");
                assertThat(customer.path("email").asText()).isEqualTo("invitado@example.mx");
            }
            ReturnApproved approved = EventJson.fromBytes(records.get(1).value(), ReturnApproved.class);
            assertThat(approved.customer().customerId()).isNull();
            assertThat(approved.customer().locale()).isEqualTo("es-MX");
        }
        assertThat(count("select count(*) from return_request where id = ?::uuid and customer_id is null "
                + "and locale = 'es-MX'", returnId)).isEqualTo(1);
    }

    @Test
    void anOrderThatShippedNowhereIsKeptButItsReturnIsRefusedWithTheReason() {
        String orderId = Orders.newOrderId();
        Instant placed = Instant.now().minus(4, ChronoUnit.DAYS);
        publish(Orders.deliveredToGuest(orderId, null, placed, placed.plus(2, ChronoUnit.DAYS)));
        awaitOrder(orderId, true);
        assertThat(count("select count(*) from order_snapshot where order_id = ? and country is null "
                + "and customer_id is null and locale = 'en'", orderId)).isEqualTo(1);

        postReturn(returnBody(orderId, Orders.SHIRT, 1, "DAMAGED"), null)
                .statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", equalTo("orderId"))
                .body("violations[0].message", equalTo("order " + orderId
                        + " has no shipping country, so no return label can be made for it"));
        assertThat(count("select count(*) from return_request where order_id = ?", orderId)).isZero();
    }
}
