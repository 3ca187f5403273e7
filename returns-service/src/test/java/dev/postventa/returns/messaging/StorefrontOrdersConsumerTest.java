package dev.postventa.returns.messaging;

import static dev.postventa.infra.Callers.management;
import dev.postventa.returns.Orders;
import dev.postventa.returns.ReturnsTestSupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.matchesRegex;
import static org.hamcrest.Matchers.equalTo;

import dev.postventa.events.Topics;
import dev.postventa.events.storefront.StorefrontOrderEvent;
import dev.postventa.infra.KafkaTestClient;
import dev.postventa.infra.PostventaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The storefront's order events are taken in once each, in any order, and bad messages do not stop the flow. */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "returns"))
class StorefrontOrdersConsumerTest extends ReturnsTestSupport {

    @Test
    void theSameEventDeliveredTwiceHasOneEffect() {
        String orderId = Orders.newOrderId();
        Instant placed = Instant.now().minus(3, ChronoUnit.DAYS);
        StorefrontOrderEvent delivered = Orders.delivered(orderId, placed, placed.plus(1, ChronoUnit.DAYS));
        publish(delivered);
        awaitOrder(orderId, true);
        // Redelivered with the same event id but a later snapshot claiming 5 shirts: a second effect would show.
        var order = delivered.order();
        var inflated = new StorefrontOrderEvent(delivered.eventId(), delivered.type(), Instant.now(),
                new dev.postventa.events.storefront.StorefrontOrder(order.orderId(), order.customerId(), order.email(),
                        order.locale(), order.country(), order.currency(), List.of(new dev.postventa.events.storefront.OrderLine(
                        Orders.SHIRT, "SKU-SHIRT-M", "Camisa de lino", "apparel", 5, dev.postventa.events.Money.of("499.90", "MXN"),
                        false)), order.placedAt(), order.deliveredAt(), null));
        publish(inflated);
        // A marker event after the duplicate: once it is applied, the duplicate has been consumed too.
        String marker = Orders.newOrderId();
        publish(Orders.placed(marker, Instant.now()));
        awaitOrder(marker, false);

        assertThat(count("select count(*) from inbox_message where event_id = ?", delivered.eventId())).isEqualTo(1);
        postReturn(returnBody(orderId, Orders.SHIRT, 3, "DAMAGED"), null)
                .statusCode(422).body("violations[0].field", equalTo("lines[0].quantity"));
    }

    @Test
    void deliveryArrivingBeforeThePlacedEventStillCounts() {
        String orderId = Orders.newOrderId();
        Instant placed = Instant.now().minus(3, ChronoUnit.DAYS);
        publish(Orders.delivered(orderId, placed, placed.plus(1, ChronoUnit.DAYS)));
        awaitOrder(orderId, true);
        StorefrontOrderEvent late = Orders.placed(orderId, placed);
        publish(late);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                count("select count(*) from inbox_message where event_id = ?", late.eventId()) == 1);

        assertThat(count("select count(*) from order_snapshot where order_id = ? and delivered_at is not null", orderId))
                .isEqualTo(1);
        postReturn(returnBody(orderId, Orders.SHIRT, 1, "DAMAGED"), null).statusCode(201);
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheNextMessageIsProcessed() {
        String poisonKey = "poison-" + Orders.newOrderId();
        try (KafkaTestClient kafka = kafka()) {
            kafka.send(Topics.STOREFRONT_ORDERS, poisonKey, "{not json".getBytes(StandardCharsets.UTF_8), Map.of());
        }
        String orderId = Orders.newOrderId();
        publish(Orders.placed(orderId, Instant.now()));
        awaitOrder(orderId, false);

        try (KafkaTestClient kafka = kafka()) {
            List<ConsumerRecord<String, byte[]>> dead = kafka.awaitRecords(Topics.deadLetter("returns-service"),
                    r -> poisonKey.equals(r.key()), 1, Duration.ofSeconds(30));
            assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
            assertThat(KafkaTestClient.header(dead.get(0), "dead-letter-reason")).contains("StorefrontOrderEvent");
        }
    }

    @Test
    void anUnknownEventTypeIsSkippedVisibly() {
        String orderId = Orders.newOrderId();
        StorefrontOrderEvent placed = Orders.placed(orderId, Instant.now());
        publish(new StorefrontOrderEvent(placed.eventId(), "order.gift-wrapped", placed.occurredAt(), placed.order()));
        String next = Orders.newOrderId();
        publish(Orders.placed(next, Instant.now()));
        awaitOrder(next, false);

        assertThat(count("select count(*) from order_snapshot where order_id = ?", orderId)).isZero();
        management().when().get("/q/metrics").then().statusCode(200)
                // The partner's free-text type is not a tag value (unbounded): it is counted as "unknown".
                .body(matchesRegex("(?s).*postventa_events_skipped_total\\{consumer=\"returns-service\","
                        + "type=\"unknown\"} [1-9].*"));
    }
}
