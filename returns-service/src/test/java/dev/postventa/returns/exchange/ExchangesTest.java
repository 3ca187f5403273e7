package dev.postventa.returns.exchange;

import static dev.postventa.infra.Callers.asCustomerOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import dev.postventa.events.EventCatalog;
import dev.postventa.events.EventJson;
import dev.postventa.events.Money;
import dev.postventa.events.Topics;
import dev.postventa.events.returns.ExchangeConfirmed;
import dev.postventa.events.returns.ExchangeFallbackApplied;
import dev.postventa.events.returns.ExchangeRequested;
import dev.postventa.events.storefront.ExchangeAnswer;
import dev.postventa.events.storefront.InventoryLevel;
import dev.postventa.events.storefront.OrderLine;
import dev.postventa.events.storefront.StorefrontOrder;
import dev.postventa.events.storefront.StorefrontOrderEvent;
import dev.postventa.infra.KafkaTestClient;
import dev.postventa.infra.PostventaTestResource;
import dev.postventa.returns.Orders;
import dev.postventa.returns.ReturnsTestSupport;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Exchanges only with stock: the storefront's inventory levels feed the options and the request-time check; an
 * approved exchange asks the storefront to reserve; its first answer confirms the exchange or applies the fallback.
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "returns"))
class ExchangesTest extends ReturnsTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TEE = "L1";
    private static final String SNEAKERS = "L2";

    /** One test's catalogue: a T-shirt in four sizes and sneakers, with unique SKUs and product ids. */
    private record Catalogue(String tee, String teeM, String teeL, String teeS, String teeXs, String teeXl,
                             String sneakers, String sneakers28) {

        static Catalogue fresh() {
            String u = UUID.randomUUID().toString().substring(0, 8);
            return new Catalogue("P-TEE-" + u, "TEE-M-" + u, "TEE-L-" + u, "TEE-S-" + u, "TEE-XS-" + u,
                    "TEE-XL-" + u, "P-SNK-" + u, "SNK-28-" + u);
        }
    }

    @Test
    void optionsOfferOnlyVariantsInStockAndAnOlderLevelArrivingLateIsIgnored() {
        Catalogue c = Catalogue.fresh();
        String orderId = deliveredOrderOf(c);
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<String> levels = List.of(
                publishLevel(c.teeL(), c.tee(), "Camiseta — L", 5, "499.90", t.plusSeconds(10)),
                publishLevel(c.teeS(), c.tee(), "Camiseta — S", 0, "499.90", t),
                publishLevel(c.teeXs(), c.tee(), "Camiseta — XS", 2, "449.90", t),
                publishLevel(c.teeXl(), c.tee(), "Camiseta — XL", 3, "549.90", t),
                publishLevel(c.sneakers28(), c.sneakers(), "Tenis — 28", 4, "1299.00", t),
                // Older than the kept level of the same SKU (the storefront's clock): arrived late, so ignored.
                publishLevel(c.teeL(), c.tee(), "Camiseta — L", 0, "499.90", t.plusSeconds(5)));
        levels.forEach(ExchangesTest::awaitHandled);
        // The same level again (same event id) changes nothing either.
        publishLevel(c.teeL(), c.tee(), "Camiseta — L", 5, "499.90", t.plusSeconds(10));

        assertThat(count("select count(*) from inventory_level where sku = ? and available = 5", c.teeL()))
                .isEqualTo(1);
        asCustomerOf(orderId).queryParam("orderId", orderId).queryParam("lineId", TEE)
                .when().get("/returns/exchange-options").then()
                .statusCode(200)
                .body("sku", equalTo(c.teeM()))
                .body("paidUnitPrice.amount", equalTo("499.90"))
                // In stock, same product, not dearer (the shop does not take a difference by default), by name;
                // S (none available), XL (dearer) and the sneakers (another product) are not offered.
                .body("options.sku", equalTo(List.of(c.teeL(), c.teeXs())))
                .body("options[0].priceDifference.amount", equalTo("0.00"))
                .body("options[1].priceDifference.amount", equalTo("-50.00"))
                .body("options[1].sameProduct", equalTo(true))
                .body("options[1].available", equalTo(2));

        String otherOrder = deliveredOrderOf(Catalogue.fresh());
        asCustomerOf(otherOrder).queryParam("orderId", orderId).queryParam("lineId", TEE)
                .when().get("/returns/exchange-options").then().statusCode(404);
        asCustomerOf(orderId).queryParam("orderId", orderId).queryParam("lineId", "L9")
                .when().get("/returns/exchange-options").then().statusCode(422)
                .contentType("application/problem+json").body("violations[0].field", equalTo("lineId"));
    }

    @Test
    void anExchangeForAnOutOfStockOrDearerSkuIsRefusedNamingTheLine() {
        Catalogue c = Catalogue.fresh();
        String orderId = deliveredOrderOf(c);
        Instant t = Instant.now();
        awaitHandled(publishLevel(c.teeS(), c.tee(), "Camiseta — S", 0, "499.90", t));
        awaitHandled(publishLevel(c.teeXl(), c.tee(), "Camiseta — XL", 3, "549.90", t));

        postReturn(body(orderId, line(SNEAKERS, 1, "REFUND", null, null),
                line(TEE, 1, "EXCHANGE", c.teeS(), "REFUND")), null)
                .statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", equalTo("lines[1].replacementSku"))
                .body("violations[0].message", containsString("out of stock"));
        postReturn(body(orderId, line(TEE, 1, "EXCHANGE", c.teeXl(), "REFUND")), null)
                .statusCode(422)
                .body("violations[0].field", equalTo("lines[0].replacementSku"))
                .body("violations[0].message", containsString("more than the 499.90 paid"));
        postReturn(body(orderId, line(TEE, 1, "EXCHANGE", "NO-SUCH-SKU", "REFUND")), null)
                .statusCode(422).body("violations[0].field", equalTo("lines[0].replacementSku"));
        postReturn(body(orderId, line(TEE, 1, "EXCHANGE", c.teeS(), null)), null)
                .statusCode(400).body("violations[0].field", equalTo("lines[0].fallback"));
        assertThat(count("select count(*) from return_request where order_id = ?", orderId)).isZero();
    }

    @Test
    void anExchangeWithStockIsApprovedRequestedAndConfirmedByTheFirstAnswer() {
        Catalogue c = Catalogue.fresh();
        String orderId = deliveredOrderOf(c);
        awaitHandled(publishLevel(c.teeL(), c.tee(), "Camiseta — L", 5, "499.90", Instant.now()));

        String returnId = postReturn(body(orderId, line(TEE, 2, "EXCHANGE", c.teeL(), "STORE_CREDIT")), null)
                .statusCode(201)
                .body("status", equalTo("APPROVED"))
                .body("lines[0].resolution", equalTo("EXCHANGE"))
                .body("lines[0].fallback", equalTo("STORE_CREDIT"))
                .body("lines[0].replacementSku", equalTo(c.teeL()))
                .body("lines[0].replacementUnitPrice.amount", equalTo("499.90"))
                .body("lines[0].category", equalTo("apparel"))
                .body("exchanges[0].state", equalTo("AWAITING_RESERVATION"))
                .extract().path("id");

        ExchangeRequested requested = awaitEvent(returnId, ExchangeRequested.class);
        assertThat(requested.lineId()).isEqualTo(TEE);
        assertThat(requested.returnedSku()).isEqualTo(c.teeM());
        assertThat(requested.replacementSku()).isEqualTo(c.teeL());
        assertThat(requested.quantity()).isEqualTo(2);
        assertThat(requested.differenceToPay().amount()).isZero();

        ExchangeAnswer reserved = new ExchangeAnswer(UUID.randomUUID().toString(), ExchangeAnswer.RESERVED,
                UUID.fromString(returnId), TEE, c.teeL(), "RES-" + returnId.substring(0, 8), null, Instant.now());
        publishAnswer(reserved);
        ExchangeConfirmed confirmed = awaitEvent(returnId, ExchangeConfirmed.class);
        assertThat(confirmed.reservationId()).isEqualTo(reserved.reservationId());
        assertThat(confirmed.quantity()).isEqualTo(2);

        // The same answer delivered again, then a contradicting one: the first answer stands.
        publishAnswer(reserved);
        ExchangeAnswer contradicting = new ExchangeAnswer(UUID.randomUUID().toString(), ExchangeAnswer.REJECTED,
                UUID.fromString(returnId), TEE, c.teeL(), null, "out_of_stock", Instant.now());
        publishAnswer(contradicting);
        awaitHandled(contradicting.eventId());

        asCustomerOf(orderId).when().get("/returns/" + returnId).then().statusCode(200)
                .body("lines[0].resolution", equalTo("EXCHANGE"))
                .body("lines[0].reservationId", equalTo(reserved.reservationId()))
                .body("exchanges[0].state", equalTo("RESERVED"))
                .body("exchanges[0].reservationId", equalTo(reserved.reservationId()))
                .body("history.detail", hasItem(containsString("already reserved")));
        // The duplicate was claimed once; the contradicting answer left the line as it was (no fallback in the
        // return's state, which changes in the transaction that would have published ExchangeFallbackApplied).
        assertThat(count("select count(*) from inbox_message where event_id = ?", reserved.eventId())).isEqualTo(1);
        assertThat(count("select count(*) from return_history where return_id = ?::uuid and detail like ?",
                returnId, "%reserved " + c.teeL() + "%")).isEqualTo(1);
    }

    @Test
    void aRejectedReservationAppliesTheCustomersFallback() {
        Catalogue c = Catalogue.fresh();
        String orderId = deliveredOrderOf(c);
        awaitHandled(publishLevel(c.teeXs(), c.tee(), "Camiseta — XS", 1, "449.90", Instant.now()));

        String returnId = postReturn(body(orderId, line(TEE, 1, "EXCHANGE", c.teeXs(), "REFUND")), null)
                .statusCode(201).extract().path("id");
        awaitEvent(returnId, ExchangeRequested.class);

        publishAnswer(new ExchangeAnswer(UUID.randomUUID().toString(), ExchangeAnswer.REJECTED,
                UUID.fromString(returnId), TEE, c.teeXs(), null, "out_of_stock", Instant.now()));
        ExchangeFallbackApplied fallback = awaitEvent(returnId, ExchangeFallbackApplied.class);
        assertThat(fallback.fallback()).isEqualTo("REFUND");
        assertThat(fallback.reason()).isEqualTo("out_of_stock");
        assertThat(fallback.lineId()).isEqualTo(TEE);

        asCustomerOf(orderId).when().get("/returns/" + returnId).then().statusCode(200)
                .body("lines[0].resolution", equalTo("REFUND"))
                .body("lines[0].reservationId", nullValue())
                .body("exchanges[0].state", equalTo("FALLBACK_APPLIED"))
                .body("history.detail", hasItem(containsString("out_of_stock")));
    }

    @Test
    void aStoreCreditLineIsStoredWithItsResolution() {
        String orderId = deliveredOrderOf(Catalogue.fresh());

        String returnId = postReturn(body(orderId, line(SNEAKERS, 1, "STORE_CREDIT", null, null)), null)
                .statusCode(201)
                .body("lines[0].resolution", equalTo("STORE_CREDIT"))
                .body("exchanges", empty())
                .extract().path("id");
        assertThat(count("select count(*) from return_request where id = ?::uuid "
                + "and lines -> 0 ->> 'resolution' = 'STORE_CREDIT'", returnId)).isEqualTo(1);
    }

    @Test
    void answersAboutUnknownReturnsAreSkippedAndMalformedLevelsAreDeadLettered() {
        ExchangeAnswer stray = new ExchangeAnswer(UUID.randomUUID().toString(), ExchangeAnswer.RESERVED,
                UUID.randomUUID(), TEE, "ANY", "RES-X", null, Instant.now());
        publishAnswer(stray);
        // Handled (and so committed in the inbox) rather than retried or dead-lettered.
        awaitHandled(stray.eventId());

        String key = "poison-" + UUID.randomUUID();
        try (KafkaTestClient kafka = kafka()) {
            kafka.send(Topics.STOREFRONT_INVENTORY, key, "{not json".getBytes(StandardCharsets.UTF_8), Map.of());
            List<ConsumerRecord<String, byte[]>> dead = kafka.awaitRecords(Topics.deadLetter("returns-service"),
                    r -> key.equals(r.key()), 1, WAIT);
            assertThat(KafkaTestClient.header(dead.get(0), "dead-letter-reason")).contains("InventoryLevel");
        }
    }

    /** A delivered order of 2 T-shirts (size M) and 1 pair of sneakers, each line naming its product. */
    private static String deliveredOrderOf(Catalogue c) {
        String orderId = Orders.newOrderId();
        Instant placed = Instant.now().minus(5, ChronoUnit.DAYS);
        Instant delivered = placed.plus(2, ChronoUnit.DAYS);
        StorefrontOrder order = new StorefrontOrder(orderId, "cust-9", "eva@example.mx", "es-MX", "MX", "MXN", List.of(
                new OrderLine(TEE, c.teeM(), "Camiseta — M", "apparel", 2, Money.of("499.90", "MXN"), false,
                        c.tee(), false),
                new OrderLine(SNEAKERS, "SNK-27", "Tenis — 27", "footwear", 1, Money.of("1299.00", "MXN"), false,
                        c.sneakers(), false)),
                placed, delivered, null);
        publish(new StorefrontOrderEvent(UUID.randomUUID().toString(), StorefrontOrderEvent.ORDER_DELIVERED,
                delivered, order));
        awaitOrder(orderId, true);
        return orderId;
    }

    private static final Map<String, String> LEVEL_IDS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Publishes a level; the same SKU, stock and time again re-sends the same event (same id). */
    private static String publishLevel(String sku, String productId, String name, int available, String price,
                                       Instant updatedAt) {
        String eventId = LEVEL_IDS.computeIfAbsent(sku + "|" + available + "|" + updatedAt,
                k -> UUID.randomUUID().toString());
        InventoryLevel level = new InventoryLevel(eventId, sku, productId, name, available, Money.of(price, "MXN"),
                updatedAt);
        try (KafkaTestClient kafka = kafka()) {
            kafka.send(Topics.STOREFRONT_INVENTORY, sku, EventJson.toBytes(level), Map.of());
        }
        return eventId;
    }

    private static void publishAnswer(ExchangeAnswer answer) {
        try (KafkaTestClient kafka = kafka()) {
            kafka.send(Topics.STOREFRONT_EXCHANGES, answer.returnId().toString(), EventJson.toBytes(answer), Map.of());
        }
    }

    /** Waits until this service's inbox has taken in (and committed) the event. */
    private static void awaitHandled(String eventId) {
        await().atMost(WAIT).until(() -> count("select count(*) from inbox_message where event_id = ?", eventId) == 1);
    }

    private static <T> T awaitEvent(String returnId, Class<T> type) {
        try (KafkaTestClient kafka = kafka()) {
            List<CloudEvent> events = kafka.awaitCloudEvents(Topics.RETURNS, e -> returnId.equals(e.getSubject())
                    && EventCatalog.typeOf(type).equals(e.getType()), 1, WAIT);
            return EventJson.fromBytes(events.get(0).getData().toBytes(), type);
        }
    }

    private static String line(String lineId, int quantity, String resolution, String replacementSku,
                               String fallback) {
        StringBuilder json = new StringBuilder("{\"lineId\": \"%s\", \"quantity\": %d, \"reason\": \"SIZE_TOO_SMALL\""
                .formatted(lineId, quantity));
        json.append(", \"resolution\": \"").append(resolution).append('"');
        if (replacementSku != null) {
            json.append(", \"replacementSku\": \"").append(replacementSku).append('"');
        }
        if (fallback != null) {
            json.append(", \"fallback\": \"").append(fallback).append('"');
        }
        return json.append('}').toString();
    }

    private static String body(String orderId, String... lines) {
        return "{\"orderId\": \"%s\", \"lines\": [%s]}".formatted(orderId, String.join(", ", lines));
    }
}
