package dev.postventa.system;

import dev.postventa.events.EventCatalog;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import dev.postventa.events.EventJson;
import dev.postventa.events.Money;
import dev.postventa.events.Topics;
import dev.postventa.events.refunds.RefundIssued;
import dev.postventa.events.storefront.OrderLine;
import dev.postventa.events.storefront.StorefrontOrder;
import dev.postventa.events.storefront.StorefrontOrderEvent;
import dev.postventa.infra.KafkaTestClient;
import dev.postventa.infra.SmtpInbox;
import dev.postventa.infra.WebhookSigner;
import dev.postventa.localstack.LocalStack;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One return, end to end, through public interfaces only (the storefront topic, the HTTP APIs, signed carrier
 * webhooks, the SMTP server), with the four services as separate processes and one of them restarted mid-way.
 */
@ExtendWith(SharedStack.class)
class ReturnJourneySystemTest {

    static final String DEV_SECRET = "whsec_cG9zdHZlbnRhLWxvY2FsLWRldi1zZWNyZXQtMQ==";
    static final Duration WAIT = Duration.ofSeconds(60);
    static LocalStack stack;
    /** The customer's token for the order under test, from the order-number + email exchange. */
    static String customerToken;

    @BeforeAll
    static void startPlatform() {
        stack = SharedStack.stack();
    }

    @Test
    void aReturnOfTwoOfThreeLinesIsShippedReceivedRefundedOnceAndTheCustomerIsToldInOrder() {
        String orderId = "MX-SYS-" + System.nanoTime();
        String email = "ana+" + orderId.toLowerCase() + "@example.mx";
        publishDeliveredOrder(orderId, email);

        // The customer returns 2 shirts and the sneakers, but not the gift card.
        String body = """
                {"orderId": "%s", "lines": [
                  {"lineId": "L1", "quantity": 2, "reason": "SIZE_TOO_SMALL"},
                  {"lineId": "L2", "quantity": 1, "reason": "DEFECTIVE"}], "comment": "me quedó chica"}
                """.formatted(orderId);
        // The customer proves the order is theirs (order number + its email) once the order has reached returns-service.
        customerToken = customerTokenFor(orderId, email);
        String returnId = await().atMost(WAIT).until(() -> asCustomer().contentType(ContentType.JSON)
                        .header("Idempotency-Key", "sys-" + orderId).body(body)
                        .post(url("returns-service") + "/returns"),
                response -> response.statusCode() == 201).then().body("status", equalTo("APPROVED")).extract().path("id");

        String tracking = await().atMost(WAIT).until(() -> asCustomer().queryParam("returnId", returnId)
                .get(url("tracking-service") + "/shipments").then().statusCode(200).extract()
                .<String>path("[0].trackingNumber"), t -> t != null);

        Instant pickedUp = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        scan("sys-e1", tracking, "picked_up", pickedUp, 202);
        await().atMost(WAIT).until(() -> returnStatus(returnId).equals("IN_TRANSIT"));

        // returns-service goes down; the warehouse delivery is scanned meanwhile, twice, and a late in-transit
        // scan arrives after it.
        stack.service("returns-service").stop();
        scan("sys-e3", tracking, "delivered", pickedUp.plus(2, ChronoUnit.HOURS), 202);
        scan("sys-e3", tracking, "delivered", pickedUp.plus(2, ChronoUnit.HOURS), 200);
        scan("sys-e2", tracking, "in_transit", pickedUp.plus(1, ChronoUnit.HOURS), 202);
        stack.service("returns-service").start().awaitReady(Duration.ofMinutes(3));

        // Nothing in this return needs a person's inspection: accepted in full on receipt and resolved at once.
        await().atMost(WAIT).until(() -> returnStatus(returnId).equals("RESOLVED"));
        asCustomer().get(url("returns-service") + "/returns/" + returnId).then()
                // The history is ordered by each step's time, and a scan's step carries the carrier's scan time.
                .body("history.status", containsInAnyOrder("REQUESTED", "APPROVED", "APPROVED", "IN_TRANSIT",
                        "RECEIVED", "RECEIVED", "RESOLVED"))
                .body("resolution.refundAmount.amount", equalTo("2298.80"));

        await().atMost(WAIT).until(() -> "ISSUED".equals(asCustomer().queryParam("returnId", returnId)
                .get(url("refund-service") + "/refunds").then().extract().path("[0].status")));
        asCustomer().queryParam("returnId", returnId).get(url("refund-service") + "/refunds").then()
                .body("size()", equalTo(1))
                .body("[0].amount.amount", equalTo("2298.80"))
                .body("[0].amount.currency", equalTo("MXN"));
        try (KafkaTestClient kafka = new KafkaTestClient(stack.bootstrapServers())) {
            List<ConsumerRecord<String, byte[]>> refunds = kafka.readAll(Topics.REFUNDS, r ->
                    EventCatalog.typeOf(RefundIssued.class).equals(KafkaTestClient.header(r, "ce_type"))
                            && EventJson.fromBytes(r.value(), RefundIssued.class).returnId().toString().equals(returnId),
                    Duration.ofSeconds(5));
            assertThat(refunds).hasSize(1);
            assertThat(EventJson.fromBytes(refunds.get(0).value(), RefundIssued.class).amount())
                    .isEqualTo(Money.of("2298.80", "MXN"));
        }

        List<SmtpInbox.Mail> mails = stack.smtp().awaitMessages(m -> m.to().contains(email), 4, WAIT);
        assertThat(mails).extracting(SmtpInbox.Mail::subject).hasSize(4).satisfiesExactly(
                s -> assertThat(s).startsWith("Tu devolución RMA-").endsWith("fue aprobada: aquí está tu guía"),
                s -> assertThat(s).endsWith("va en camino"),
                s -> assertThat(s).startsWith("Recibimos tu devolución"),
                s -> assertThat(s).isEqualTo("Tu reembolso de $2,298.80 MXN está en camino"));
        asCustomer().queryParam("returnId", returnId).get(url("notification-service") + "/notifications").then()
                .body("template", equalTo(List.of("return-approved", "return-in-transit", "return-received",
                        "refund-issued")))
                .body("status", equalTo(List.of("SENT", "SENT", "SENT", "SENT")));
        // The operator's token the local stack prints opens every order; no token opens none.
        given().auth().oauth2(stack.opsToken(Duration.ofMinutes(5))).get(url("returns-service") + "/returns/" + returnId)
                .then().statusCode(200).body("status", equalTo("RESOLVED"));
        given().get(url("returns-service") + "/returns/" + returnId).then().statusCode(401);
    }

    /**
     * An exchange and a partial acceptance in one return: the sneakers are exchanged for the next size, which the
     * storefront (the local stack's simulator) reserves from its stock; the headphones are electronics, inspected by a
     * person who accepts one of the two. The refund is the one accepted unit; the exchange ships; the customer is told
     * of the reservation, the partial acceptance and the refund.
     */
    @Test
    void anExchangeIsReservedFromStockAndAPartialAcceptanceRefundsOnlyWhatWasAccepted() {
        String orderId = "MX-SYS-X-" + System.nanoTime();
        String email = "luis+" + orderId.toLowerCase() + "@example.mx";
        stack.storefront().putStock("SKU-SNK-28", "PROD-SNK", "Tenis urbanos — 28", 3, Money.of("1299.00", "MXN"));
        Instant placed = Instant.now().minus(4, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Instant delivered = placed.plus(2, ChronoUnit.DAYS);
        publish(new StorefrontOrder(orderId, "cust-sys-x", email, "es-MX", "MX", "MXN", List.of(
                new OrderLine("L1", "SKU-SNK-27", "Tenis urbanos — 27", "footwear", 1, Money.of("1299.00", "MXN"),
                        false, "PROD-SNK", false),
                new OrderLine("L2", "SKU-HEAD-01", "Audífonos inalámbricos", "electronics", 2,
                        Money.of("899.00", "MXN"), false, "PROD-HEAD", false)), placed, delivered, null));
        String token = customerTokenFor(orderId, email);

        // The next size is offered because the storefront has it in stock.
        await().atMost(WAIT).until(() -> given().auth().oauth2(token).queryParam("orderId", orderId)
                .queryParam("lineId", "L1").get(url("returns-service") + "/returns/exchange-options")
                .then().extract().<List<String>>path("options.sku"), skus -> skus != null && skus.contains("SKU-SNK-28"));
        String body = """
                {"orderId": "%s", "lines": [
                  {"lineId": "L1", "quantity": 1, "reason": "SIZE_TOO_SMALL", "resolution": "EXCHANGE",
                   "replacementSku": "SKU-SNK-28", "fallback": "STORE_CREDIT"},
                  {"lineId": "L2", "quantity": 2, "reason": "DEFECTIVE"}]}
                """.formatted(orderId);
        String returnId = given().auth().oauth2(token).contentType(ContentType.JSON)
                .header("Idempotency-Key", "sys-x-" + orderId).body(body).post(url("returns-service") + "/returns")
                .then().statusCode(201).body("status", equalTo("APPROVED")).extract().path("id");

        // The simulator answered the reservation from its stock: one unit fewer there, the return shows it held.
        await().atMost(WAIT).until(() -> given().auth().oauth2(token)
                .get(url("returns-service") + "/returns/" + returnId).then().extract()
                .<String>path("lines.find { it.lineId == 'L1' }.reservationId"), id -> id != null);
        assertThat(stack.storefront().stock()).filteredOn(level -> level.sku().equals("SKU-SNK-28"))
                .singleElement().satisfies(level -> assertThat(level.available()).isEqualTo(2));

        String tracking = await().atMost(WAIT).until(() -> given().auth().oauth2(token).queryParam("returnId", returnId)
                .get(url("tracking-service") + "/shipments").then().statusCode(200).extract()
                .<String>path("[0].trackingNumber"), t -> t != null);
        Instant pickedUp = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        scan("sys-x-e1-" + orderId, tracking, "picked_up", pickedUp, 202);
        scan("sys-x-e2-" + orderId, tracking, "delivered", pickedUp.plus(3, ChronoUnit.HOURS), 202);
        // Electronics wait for a person.
        await().atMost(WAIT).until(() -> given().auth().oauth2(token)
                .get(url("returns-service") + "/returns/" + returnId).then().extract().path("status"), "RECEIVED"::equals);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"lines\": []}")
                .post(url("returns-service") + "/returns/" + returnId + "/inspection").then().statusCode(403);

        String ops = stack.opsToken(Duration.ofMinutes(5));
        given().auth().oauth2(ops).contentType(ContentType.JSON).body("""
                {"lines": [
                  {"lineId": "L1", "acceptedQuantity": 1, "grade": "RESELLABLE"},
                  {"lineId": "L2", "acceptedQuantity": 1, "grade": "DAMAGED", "note": "uno llegó con la diadema rota"}]}
                """).post(url("returns-service") + "/returns/" + returnId + "/inspection")
                .then().statusCode(200).body("status", equalTo("RESOLVED"))
                .body("resolution.refundAmount.amount", equalTo("899.00"))
                .body("resolution.creditAmount.amount", equalTo("0.00"));

        // Only the accepted headphone is refunded; the exchange costs and pays nothing (same price).
        await().atMost(WAIT).until(() -> "ISSUED".equals(given().auth().oauth2(token).queryParam("returnId", returnId)
                .get(url("refund-service") + "/refunds").then().extract().path("[0].status")));
        given().auth().oauth2(token).queryParam("returnId", returnId).get(url("refund-service") + "/refunds").then()
                .body("size()", equalTo(1)).body("[0].amount.amount", equalTo("899.00"));

        // Approved with the label, the exchange held, in transit, received, the partial acceptance, the refund.
        List<SmtpInbox.Mail> mails = stack.smtp().awaitMessages(m -> m.to().contains(email), 6, WAIT);
        assertThat(mails).extracting(SmtpInbox.Mail::subject).hasSize(6)
                .anySatisfy(s -> assertThat(s).startsWith("Tu cambio está apartado"))
                // 2 of 3 units: the sneakers (exchanged) and one of the two headphones.
                .anySatisfy(s -> assertThat(s).startsWith("Aceptamos 2 de 3 artículos"))
                .anySatisfy(s -> assertThat(s).isEqualTo("Tu reembolso de $899.00 MXN está en camino"));
    }

    /**
     * The customer proves the order is theirs (order number + its email), once the order has reached returns-service.
     * Whether it has is asked with the storefront's token (404 until then): wrong guesses by order number and email
     * would lock the order number after five.
     */
    private static String customerTokenFor(String orderId, String email) {
        String storefront = stack.storefrontToken(Duration.ofMinutes(5));
        await().atMost(WAIT).until(() -> given().auth().oauth2(storefront).contentType(ContentType.JSON)
                .body(Map.of("orderId", orderId)).post(url("returns-service") + "/customer-tokens").statusCode() == 200);
        return given().contentType(ContentType.JSON).body(Map.of("orderId", orderId, "email", email))
                .post(url("returns-service") + "/customer-tokens").then().statusCode(200).extract().path("token");
    }

    private static void publish(StorefrontOrder order) {
        try (KafkaTestClient kafka = new KafkaTestClient(stack.bootstrapServers())) {
            kafka.send(Topics.STOREFRONT_ORDERS, order.orderId(), EventJson.toBytes(new StorefrontOrderEvent(
                    order.orderId() + "-d", StorefrontOrderEvent.ORDER_DELIVERED, order.deliveredAt(), order)), Map.of());
        }
    }

    private static void publishDeliveredOrder(String orderId, String email) {
        Instant placed = Instant.now().minus(6, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Instant delivered = placed.plus(3, ChronoUnit.DAYS);
        StorefrontOrder order = new StorefrontOrder(orderId, "cust-sys", email, "es-MX", "MX", "MXN", List.of(
                new OrderLine("L1", "SKU-SHIRT-M", "Camisa de lino", "apparel", 2, Money.of("499.90", "MXN"), false),
                new OrderLine("L2", "SKU-SNK-27", "Tenis urbanos", "footwear", 1, Money.of("1299.00", "MXN"), false),
                new OrderLine("L3", "SKU-CAP", "Gorra", "accessories", 1, Money.of("350.00", "MXN"), false)),
                placed, delivered, null);
        try (KafkaTestClient kafka = new KafkaTestClient(stack.bootstrapServers())) {
            kafka.send(Topics.STOREFRONT_ORDERS, orderId, EventJson.toBytes(new StorefrontOrderEvent(orderId + "-d",
                    StorefrontOrderEvent.ORDER_DELIVERED, delivered, order)), Map.of());
        }
    }

    private static void scan(String eventId, String tracking, String status, Instant at, int expectedStatus) {
        String body = """
                {"eventId": "%s", "trackingNumber": "%s", "carrierStatus": "%s", "scannedAt": "%s", "location": "MX"}"""
                .formatted(eventId, tracking, status, at);
        given().headers(new WebhookSigner(DEV_SECRET).headers(body)).contentType(ContentType.JSON).body(body)
                .post(url("tracking-service") + "/webhooks/carriers/simulated/scans")
                .then().statusCode(expectedStatus);
    }

    private static String returnStatus(String returnId) {
        return asCustomer().get(url("returns-service") + "/returns/" + returnId).then().statusCode(200)
                .extract().path("status");
    }

    private static io.restassured.specification.RequestSpecification asCustomer() {
        return given().auth().oauth2(customerToken);
    }

    private static String url(String service) {
        return stack.service(service).url();
    }
}
