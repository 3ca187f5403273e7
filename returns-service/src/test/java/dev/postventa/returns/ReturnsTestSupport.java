package dev.postventa.returns;

import static dev.postventa.infra.Callers.asStorefront;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import dev.postventa.events.Topics;
import dev.postventa.events.storefront.StorefrontOrderEvent;
import dev.postventa.infra.KafkaTestClient;
import dev.postventa.infra.ServiceDatabase;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** What every returns-service test does: publish storefront events, call the API, look at rows. */
public abstract class ReturnsTestSupport {

    protected static KafkaTestClient kafka() {
        return ServiceDatabase.kafka();
    }

    protected static void publish(StorefrontOrderEvent event) {
        try (KafkaTestClient kafka = kafka()) {
            kafka.send(Topics.STOREFRONT_ORDERS, event.order().orderId(), Orders.json(event), Map.of());
        }
    }

    /** Waits until the read model has taken in the order (and its delivery when {@code delivered}). */
    protected static void awaitOrder(String orderId, boolean delivered) {
        String sql = delivered
                ? "select count(*) from order_snapshot where order_id = ? and delivered_at is not null"
                : "select count(*) from order_snapshot where order_id = ?";
        await().atMost(Duration.ofSeconds(30)).until(() -> count(sql, orderId) == 1);
    }

    /** A fresh order, placed five days ago and delivered two days later: inside the return window. */
    protected static String deliveredOrder() {
        String orderId = Orders.newOrderId();
        Instant placed = Instant.now().minus(5, ChronoUnit.DAYS);
        publish(Orders.delivered(orderId, placed, placed.plus(2, ChronoUnit.DAYS)));
        awaitOrder(orderId, true);
        return orderId;
    }

    /** Like {@link #deliveredOrder()}, with every line flagged by the storefront: its returns wait for operations. */
    protected static String deliveredOrderForReview() {
        String orderId = Orders.newOrderId();
        Instant placed = Instant.now().minus(5, ChronoUnit.DAYS);
        publish(Orders.flaggedForReview(Orders.delivered(orderId, placed, placed.plus(2, ChronoUnit.DAYS))));
        awaitOrder(orderId, true);
        return orderId;
    }

    protected static ValidatableResponse postReturn(String body, String idempotencyKey) {
        var request = asStorefront().contentType(ContentType.JSON).body(body);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.when().post("/returns").then();
    }

    protected static String returnBody(String orderId, String lineId, int quantity, String reason) {
        return """
                {"orderId": "%s", "lines": [{"lineId": "%s", "quantity": %d, "reason": "%s"}], "comment": "no me quedó"}
                """.formatted(orderId, lineId, quantity, reason);
    }

    protected static long count(String sql, Object... args) {
        return ServiceDatabase.count(sql, args);
    }

    protected static void execute(String sql) {
        ServiceDatabase.execute(sql);
    }

    protected static String config(String key) {
        return ServiceDatabase.config(key);
    }
}
