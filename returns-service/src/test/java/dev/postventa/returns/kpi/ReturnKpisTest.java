package dev.postventa.returns.kpi;

import static dev.postventa.infra.Callers.anonymous;
import static dev.postventa.infra.Callers.asCustomerOf;
import static dev.postventa.infra.Callers.asOps;
import static dev.postventa.infra.Callers.management;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.postventa.events.CustomerContact;
import dev.postventa.events.EventCatalog;
import dev.postventa.events.EventJson;
import dev.postventa.events.Money;
import dev.postventa.events.Topics;
import dev.postventa.events.refunds.RefundIssued;
import dev.postventa.events.shipments.ReturnShipmentCreated;
import dev.postventa.events.shipments.ShipmentStatus;
import dev.postventa.events.shipments.ShipmentStatusChanged;
import dev.postventa.events.storefront.OrderLine;
import dev.postventa.events.storefront.StorefrontOrder;
import dev.postventa.events.storefront.StorefrontOrderEvent;
import dev.postventa.infra.KafkaTestClient;
import dev.postventa.infra.PostventaTestResource;
import dev.postventa.returns.Orders;
import dev.postventa.returns.ReturnsTestSupport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /ops/kpis} and the KPI metrics on a known data set. Runs under the manual-review profile (the same one
 * as {@code ManualReviewTest}, so no extra application start) because a rejection needs a REQUESTED return.
 * Other test classes share the database: orders are placed in a far-past day of their own (the return-rate cohort),
 * and the journey test compares the figures of today's range before and after its own returns.
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "returns"))
class ReturnKpisTest extends ReturnsTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CustomerContact ANA = new CustomerContact("cust-42", "ana@example.mx", "es-MX", "MX");
    private static final Pattern SAMPLE = Pattern.compile("(?m)^(\\w+)(?:\\{([^}]*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    @Test
    void aJourneyMovesTheFiguresOfItsRangeAndTheMetricsByExactlyItsReturns() throws Exception {
        LocalDate placedDay = uniqueDay();
        Instant placed = placedDay.atTime(12, 0).toInstant(ZoneOffset.UTC);
        Instant delivered = Instant.now().minus(1, ChronoUnit.DAYS);
        String skuA = "SKU-KPI-" + UUID.randomUUID();
        String skuB = "SKU-KPI-" + UUID.randomUUID();
        String mx = Orders.newOrderId();
        String es = "ES-" + UUID.randomUUID().toString().substring(0, 8);
        // Flagged by the storefront: the returns wait for operations to approve or reject them.
        publish(Orders.flaggedForReview(Orders.delivered(mx, placed, delivered)));
        publish(Orders.flaggedForReview(spanishOrder(es, skuA, skuB, placed, delivered)));
        awaitOrder(mx, true);
        awaitOrder(es, true);

        String today = kpisOfToday();
        JsonNode before = kpis(today);
        Map<String, Double> metricsBefore = metrics();

        // R1 (MX): 2 shirts too small + 1 pair of sneakers defective → approved, labelled, received, refunded.
        String r1 = requested("""
                {"orderId": "%s", "lines": [{"lineId": "L1", "quantity": 2, "reason": "SIZE_TOO_SMALL"},
                 {"lineId": "L2", "quantity": 1, "reason": "DEFECTIVE"}]}""".formatted(mx));
        // R2 (ES): 3 units without a category, changed mind → rejected. R3 (ES): 1 apparel unit too small → approved.
        String r2 = requested("""
                {"orderId": "%s", "lines": [{"lineId": "K1", "quantity": 3, "reason": "CHANGED_MIND"}]}""".formatted(es));
        String r3 = requested("""
                {"orderId": "%s", "lines": [{"lineId": "K2", "quantity": 1, "reason": "SIZE_TOO_SMALL"}]}""".formatted(es));
        asOps().post("/returns/" + r1 + "/approve").then().statusCode(200);
        asOps().contentType(ContentType.JSON).body("{\"reason\": \"worn\"}").post("/returns/" + r2 + "/reject")
                .then().statusCode(200);
        asOps().post("/returns/" + r3 + "/approve").then().statusCode(200);

        Instant r1Requested = Instant.parse(asOps().get("/returns/" + r1).then().extract().path("createdAt"));
        UUID shipment = UUID.randomUUID();
        sendCloudEvent(Topics.SHIPMENTS, shipment.toString(), UUID.randomUUID().toString(), "tracking-service",
                new ReturnShipmentCreated(shipment, UUID.fromString(r1), "RMA", "Estafeta", "TRK-" + shipment,
                        "https://labels.example/l.pdf", ANA, r1Requested.plusSeconds(120)));
        sendCloudEvent(Topics.SHIPMENTS, shipment.toString(), UUID.randomUUID().toString(), "tracking-service",
                new ShipmentStatusChanged(shipment, UUID.fromString(r1), "TRK-" + shipment,
                        ShipmentStatus.DELIVERED_TO_WAREHOUSE, ShipmentStatus.LABEL_CREATED, "delivered", "CDMX",
                        Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asOps().get("/returns/" + r1).then()
                .body("status", equalTo("RECEIVED")));

        // A refund of an unknown return is ignored; R1's refund is recorded with refund-service's time.
        String unknownRefund = UUID.randomUUID().toString();
        sendCloudEvent(Topics.REFUNDS, UUID.randomUUID().toString(), unknownRefund, "refund-service",
                refund(UUID.randomUUID(), Instant.now()));
        RefundIssued issued = refund(UUID.fromString(r1), r1Requested.plusSeconds(3600));
        String refundEvent = UUID.randomUUID().toString();
        sendCloudEvent(Topics.REFUNDS, issued.refundId().toString(), refundEvent, "refund-service", issued);
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from return_request where id = ?::uuid and refunded_at is not null", r1) == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from inbox_message where event_id = ?", unknownRefund) == 1);

        // The same refund delivered again, and a second refund under another id: the first time stays.
        sendCloudEvent(Topics.REFUNDS, issued.refundId().toString(), refundEvent, "refund-service", issued);
        String secondRefund = UUID.randomUUID().toString();
        sendCloudEvent(Topics.REFUNDS, UUID.randomUUID().toString(), secondRefund, "refund-service",
                refund(UUID.fromString(r1), r1Requested.plusSeconds(7200)));
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from inbox_message where event_id = ?", secondRefund) == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> metric(metrics(), "postventa_events_duplicate_total",
                Map.of("type", EventCatalog.typeOf(RefundIssued.class))) >= 1);
        assertThat(count("select count(*) from return_request where id = ?::uuid and refunded_at = ?::timestamptz",
                r1, r1Requested.plusSeconds(3600).toString())).isEqualTo(1);

        JsonNode after = kpis(today);
        assertThat(delta(before, after, "returns")).isEqualTo(Map.of(
                "requested", 3L, "approved", 2L, "rejected", 1L, "received", 1L, "units", 7L));
        assertThat(groupDelta(before, after, "byReason", "SIZE_TOO_SMALL")).isEqualTo(group(2, 3, 2, 0, 1));
        assertThat(groupDelta(before, after, "byReason", "DEFECTIVE")).isEqualTo(group(1, 1, 1, 0, 1));
        assertThat(groupDelta(before, after, "byReason", "CHANGED_MIND")).isEqualTo(group(1, 3, 0, 1, 0));
        assertThat(groupDelta(before, after, "byCategory", "apparel")).isEqualTo(group(2, 3, 2, 0, 1));
        assertThat(groupDelta(before, after, "byCategory", "footwear")).isEqualTo(group(1, 1, 1, 0, 1));
        assertThat(groupDelta(before, after, "byCategory", "unknown")).isEqualTo(group(1, 3, 0, 1, 0));
        assertThat(groupDelta(before, after, "bySku", skuA)).isEqualTo(group(1, 3, 0, 1, 0));
        assertThat(groupDelta(before, after, "bySku", skuB)).isEqualTo(group(1, 1, 1, 0, 0));
        assertThat(groupDelta(before, after, "byCountry", "MX")).isEqualTo(group(1, 3, 1, 0, 1));
        assertThat(groupDelta(before, after, "byCountry", "ES")).isEqualTo(group(2, 4, 1, 1, 0));
        // Rejected units are not returned units.
        assertThat(after.at("/returnRate/returnedUnits").asLong() - before.at("/returnRate/returnedUnits").asLong())
                .isEqualTo(4);
        assertThat(after.at("/timeToLabel/count").asLong() - before.at("/timeToLabel/count").asLong()).isEqualTo(1);
        assertThat(after.at("/timeToReceipt/count").asLong() - before.at("/timeToReceipt/count").asLong()).isEqualTo(1);
        assertThat(after.at("/timeToRefund/count").asLong() - before.at("/timeToRefund/count").asLong()).isEqualTo(1);

        // The orders' own day: 8 units sold, nothing returned in it (returns are counted on the day they are asked).
        JsonNode placedDayKpis = kpis("from=" + placedDay + "&to=" + placedDay.plusDays(1));
        assertThat(placedDayKpis.get("returnRate").toString())
                .isEqualTo("{\"returnedUnits\":0,\"soldUnits\":8,\"rate\":0.0}");

        Map<String, Double> metricsAfter = metrics();
        Map<String, String> mxApparelSmall = Map.of("reason", "SIZE_TOO_SMALL", "category", "apparel", "country", "MX");
        assertThat(metricDelta(metricsBefore, metricsAfter, "postventa_returns_total",
                Map.of("transition", "requested", "country", "ES"))).isEqualTo(2);
        assertThat(metricDelta(metricsBefore, metricsAfter, "postventa_returns_total",
                Map.of("transition", "rejected", "country", "ES"))).isEqualTo(1);
        assertThat(metricDelta(metricsBefore, metricsAfter, "postventa_returns_total",
                Map.of("transition", "approved"))).isEqualTo(2);
        assertThat(metricDelta(metricsBefore, metricsAfter, "postventa_returns_total",
                Map.of("transition", "received", "country", "MX"))).isEqualTo(1);
        assertThat(metricDelta(metricsBefore, metricsAfter, "postventa_return_units_total",
                with(mxApparelSmall, "transition", "requested"))).isEqualTo(2);
        assertThat(metricDelta(metricsBefore, metricsAfter, "postventa_return_units_total",
                with(mxApparelSmall, "transition", "received"))).isEqualTo(2);
        assertThat(metricDelta(metricsBefore, metricsAfter, "postventa_return_units_total",
                Map.of("transition", "rejected", "reason", "CHANGED_MIND", "category", "unknown", "country", "ES")))
                .isEqualTo(3);
        assertThat(metricDelta(metricsBefore, metricsAfter, "postventa_return_time_to_label_seconds_count", Map.of()))
                .isEqualTo(1);
        assertThat(metricDelta(metricsBefore, metricsAfter, "postventa_return_time_to_label_seconds_sum", Map.of()))
                .isCloseTo(120, within(1e-6));
        assertThat(metricDelta(metricsBefore, metricsAfter, "postventa_return_time_to_receipt_seconds_count",
                Map.of())).isEqualTo(1);
        assertThat(metricDelta(metricsBefore, metricsAfter, "postventa_return_time_to_refund_seconds_count", Map.of()))
                .isEqualTo(1);
        assertThat(metricDelta(metricsBefore, metricsAfter, "postventa_return_time_to_refund_seconds_sum", Map.of()))
                .isCloseTo(3600, within(1e-6));
        assertThat(metricsAfter.keySet()).anyMatch(k -> k.startsWith("postventa_return_time_to_label_seconds_bucket"));
    }

    @Test
    void soldUnitsCountAnOrderOnceHoweverOftenItIsSeen() {
        String orderId = Orders.newOrderId();
        Instant placed = uniqueDay().atTime(9, 0).toInstant(ZoneOffset.UTC);
        Map<String, String> apparelMx = Map.of("category", "apparel", "country", "MX");
        Map<String, Double> before = metrics();
        StorefrontOrderEvent placedEvent = Orders.placed(orderId, placed);
        publish(placedEvent);
        publish(placedEvent);
        publish(Orders.delivered(orderId, placed, Instant.now()));
        awaitOrder(orderId, true);
        await().atMost(Duration.ofSeconds(30)).until(() -> metric(metrics(), "postventa_events_duplicate_total",
                Map.of("type", "storefront." + StorefrontOrderEvent.ORDER_PLACED)) >= 1);
        // 2 shirts, 1 pair of sneakers, 1 gift card: counted once for the order's first event only.
        Map<String, Double> after = metrics();
        assertThat(metricDelta(before, after, "postventa_sold_units_total", apparelMx)).isEqualTo(2);
        assertThat(metricDelta(before, after, "postventa_sold_units_total",
                Map.of("category", "footwear", "country", "MX"))).isEqualTo(1);
    }

    @Test
    void aKnownDataSetGivesExactFiguresAndPercentilesAndAnotherRangeGivesZeros() throws Exception {
        LocalDate day = uniqueDay();
        Instant placed = day.atTime(8, 0).toInstant(ZoneOffset.UTC);
        Instant delivered = Instant.now().minus(1, ChronoUnit.DAYS);
        String sku = "SKU-KPI-" + UUID.randomUUID();
        String mx = Orders.newOrderId();
        String es = "ES-" + UUID.randomUUID().toString().substring(0, 8);
        publish(Orders.delivered(mx, placed, delivered));
        publish(spanishOrder(es, sku, "SKU-KPI-" + UUID.randomUUID(), placed, delivered));
        awaitOrder(mx, true);
        awaitOrder(es, true);
        // Returns as the service stores them, requested on that day (the API would stamp them now).
        Instant t = day.atTime(10, 0).toInstant(ZoneOffset.UTC);
        insertReturn(mx, "MX", "RECEIVED", line("L1", "SKU-SHIRT-M", 2, "SIZE_TOO_SMALL"), t, 10, 100, 1000);
        insertReturn(mx, "MX", "APPROVED", line("L2", "SKU-SNK-27", 1, "DEFECTIVE"), t, 20, null, null);
        insertReturn(mx, "MX", "IN_TRANSIT", line("L2", "SKU-SNK-27", 1, "DAMAGED"), t, 30, null, null);
        insertReturn(mx, "MX", "APPROVED", line("L1", "SKU-SHIRT-M", 1, "SIZE_TOO_SMALL"), t, 40, null, null);
        insertReturn(es, "ES", "REJECTED", line("K1", sku, 3, "CHANGED_MIND"), t, null, null, null);

        JsonNode kpis = kpis("from=" + day + "&to=" + day.plusDays(1));
        assertThat(kpis.get("from").asText()).isEqualTo(day.toString());
        assertThat(kpis.get("to").asText()).isEqualTo(day.plusDays(1).toString());
        assertThat(kpis.get("returns").toString()).isEqualTo(
                "{\"requested\":5,\"approved\":4,\"rejected\":1,\"received\":1,\"units\":8}");
        assertThat(kpis.get("byReason").toString()).isEqualTo("[" + String.join(",",
                g("CHANGED_MIND", 1, 3, 0, 1, 0), g("SIZE_TOO_SMALL", 2, 3, 2, 0, 1), g("DAMAGED", 1, 1, 1, 0, 0),
                g("DEFECTIVE", 1, 1, 1, 0, 0)) + "]");
        assertThat(kpis.get("byCategory").toString()).isEqualTo("[" + String.join(",",
                g("apparel", 2, 3, 2, 0, 1), g("unknown", 1, 3, 0, 1, 0), g("footwear", 2, 2, 2, 0, 0)) + "]");
        assertThat(kpis.get("bySku").toString()).isEqualTo("[" + String.join(",",
                g(sku, 1, 3, 0, 1, 0), g("SKU-SHIRT-M", 2, 3, 2, 0, 1), g("SKU-SNK-27", 2, 2, 2, 0, 0)) + "]");
        assertThat(kpis.get("byCountry").toString()).isEqualTo("[" + String.join(",",
                g("MX", 4, 5, 4, 0, 1), g("ES", 1, 3, 0, 1, 0)) + "]");
        assertThat(kpis.get("returnRate").toString())
                .isEqualTo("{\"returnedUnits\":5,\"soldUnits\":8,\"rate\":0.625}");
        // Label after 10, 20, 30, 40 s: percentile_cont interpolates between them.
        assertThat(kpis.at("/timeToLabel/count").asLong()).isEqualTo(4);
        assertThat(kpis.at("/timeToLabel/p50Seconds").asDouble()).isCloseTo(25.0, within(1e-9));
        assertThat(kpis.at("/timeToLabel/p90Seconds").asDouble()).isCloseTo(37.0, within(1e-9));
        assertThat(kpis.at("/timeToLabel/p99Seconds").asDouble()).isCloseTo(39.7, within(1e-9));
        assertThat(kpis.get("timeToReceipt").toString())
                .isEqualTo("{\"count\":1,\"p50Seconds\":100.0,\"p90Seconds\":100.0,\"p99Seconds\":100.0}");
        assertThat(kpis.get("timeToRefund").toString())
                .isEqualTo("{\"count\":1,\"p50Seconds\":1000.0,\"p90Seconds\":1000.0,\"p99Seconds\":1000.0}");

        JsonNode dayBefore = kpis("from=" + day.minusDays(1) + "&to=" + day);
        assertThat(dayBefore.get("returns").toString())
                .isEqualTo("{\"requested\":0,\"approved\":0,\"rejected\":0,\"received\":0,\"units\":0}");
        assertThat(dayBefore.get("byReason").size()).isZero();
        assertThat(dayBefore.get("bySku").size()).isZero();
        assertThat(dayBefore.get("returnRate").toString())
                .isEqualTo("{\"returnedUnits\":0,\"soldUnits\":0,\"rate\":0.0}");
        assertThat(dayBefore.get("timeToLabel").toString())
                .isEqualTo("{\"count\":0,\"p50Seconds\":null,\"p90Seconds\":null,\"p99Seconds\":null}");
    }

    @Test
    void onlyOperationsReadKpisOfAValidRange() {
        anonymous().get("/ops/kpis").then().statusCode(401);
        asCustomerOf("MX-1").get("/ops/kpis").then().statusCode(403);
        asOps().get("/ops/kpis?from=2026-13-01&to=2026-12-01").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItems("from"));
        asOps().get("/ops/kpis?from=2026-12-01&to=2026-12-01").then().statusCode(422)
                .contentType("application/problem+json").body("violations.field", hasItems("from"));
        asOps().get("/ops/kpis?from=2025-01-01&to=2026-12-01").then().statusCode(422)
                .body("violations.field", hasItems("to"));
        asOps().get("/ops/kpis").then().statusCode(200).body("returns.requested", org.hamcrest.Matchers.notNullValue());
    }

    private static LocalDate uniqueDay() {
        // A day of its own for each test's orders, far from the "now" other test classes use.
        return LocalDate.of(1990, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(10_000));
    }

    private static StorefrontOrderEvent spanishOrder(String orderId, String skuA, String skuB, Instant placed,
                                                     Instant delivered) {
        StorefrontOrder order = new StorefrontOrder(orderId, "cust-7", "lu@example.es", "es-ES", "ES", "EUR", List.of(
                new OrderLine("K1", skuA, "Sin categoría", null, 3, Money.of("10.00", "EUR"), false),
                new OrderLine("K2", skuB, "Camiseta", "apparel", 1, Money.of("20.00", "EUR"), false)),
                placed, delivered, null);
        return new StorefrontOrderEvent(UUID.randomUUID().toString(), StorefrontOrderEvent.ORDER_DELIVERED, delivered,
                order);
    }

    private static String requested(String body) {
        return postReturn(body, null).statusCode(201).body("status", equalTo("REQUESTED")).extract().path("id");
    }

    private static RefundIssued refund(UUID returnId, Instant issuedAt) {
        return new RefundIssued(UUID.randomUUID(), returnId, "MX-1", Money.of("10.00", "MXN"), "ref", ANA, issuedAt);
    }

    private static void sendCloudEvent(String topic, String key, String id, String source, Object event) {
        try (KafkaTestClient kafka = kafka()) {
            kafka.sendCloudEvent(topic, key, id, EventCatalog.typeOf(event.getClass()), source,
                    EventJson.toBytes(event));
        }
    }

    private static String line(String lineId, String sku, int quantity, String reason) {
        return """
                {"lineId":"%s","sku":"%s","name":"x","quantity":%d,"unitPrice":{"amount":"1.00","currency":"MXN"},\
                "reason":"%s"}""".formatted(lineId, sku, quantity, reason);
    }

    private static void insertReturn(String orderId, String country, String status, String line, Instant requested,
                                     Integer labelAfter, Integer receivedAfter, Integer refundedAfter) {
        execute("""
                INSERT INTO return_request (id, order_id, customer_id, email, locale, country, status, lines, created_at,
                    updated_at, label_created_at, received_at, refunded_at)
                VALUES ('%s', '%s', 'c', 'e@example.mx', 'es-MX', '%s', '%s', '[%s]'::jsonb, '%s', '%s', %s, %s, %s)
                """.formatted(UUID.randomUUID(), orderId, country, status, line, requested, requested,
                after(requested, labelAfter), after(requested, receivedAfter), after(requested, refundedAfter)));
    }

    private static String after(Instant start, Integer seconds) {
        return seconds == null ? "NULL" : "'" + start.plusSeconds(seconds) + "'";
    }

    private static String g(String key, long returns, long units, long approved, long rejected, long received) {
        return "{\"key\":\"%s\",\"returns\":%d,\"units\":%d,\"approved\":%d,\"rejected\":%d,\"received\":%d}"
                .formatted(key, returns, units, approved, rejected, received);
    }

    private static Map<String, Long> group(long returns, long units, long approved, long rejected, long received) {
        return Map.of("returns", returns, "units", units, "approved", approved, "rejected", rejected,
                "received", received);
    }

    private static String kpisOfToday() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return "from=" + today.minusDays(1) + "&to=" + today.plusDays(2);
    }

    private static JsonNode kpis(String query) throws Exception {
        String body = asOps().get("/ops/kpis?" + query).then().statusCode(200).contentType(ContentType.JSON)
                .extract().asString();
        return JSON.readTree(body);
    }

    private static Map<String, Long> delta(JsonNode before, JsonNode after, String field) {
        return Map.of("requested", diff(before, after, field, "requested"),
                "approved", diff(before, after, field, "approved"), "rejected", diff(before, after, field, "rejected"),
                "received", diff(before, after, field, "received"), "units", diff(before, after, field, "units"));
    }

    private static long diff(JsonNode before, JsonNode after, String field, String name) {
        return after.get(field).get(name).asLong() - before.get(field).get(name).asLong();
    }

    private static Map<String, Long> groupDelta(JsonNode before, JsonNode after, String list, String key) {
        JsonNode b = find(before.get(list), key);
        JsonNode a = find(after.get(list), key);
        return Map.of("returns", a.path("returns").asLong() - b.path("returns").asLong(),
                "units", a.path("units").asLong() - b.path("units").asLong(),
                "approved", a.path("approved").asLong() - b.path("approved").asLong(),
                "rejected", a.path("rejected").asLong() - b.path("rejected").asLong(),
                "received", a.path("received").asLong() - b.path("received").asLong());
    }

    private static JsonNode find(JsonNode groups, String key) {
        for (JsonNode group : groups) {
            if (key.equals(group.get("key").asText())) {
                return group;
            }
        }
        return JSON.createObjectNode();
    }

    private static Map<String, String> with(Map<String, String> labels, String name, String value) {
        Map<String, String> copy = new java.util.HashMap<>(labels);
        copy.put(name, value);
        return copy;
    }

    /** Every sample of the Prometheus scrape, keyed by {@code name{labels}}. */
    private static Map<String, Double> metrics() {
        String scrape = management().get("/q/metrics").then().statusCode(200).extract().asString();
        Map<String, Double> samples = new java.util.HashMap<>();
        Matcher m = SAMPLE.matcher(scrape);
        while (m.find()) {
            samples.put(m.group(1) + "{" + (m.group(2) == null ? "" : m.group(2)) + "}", Double.parseDouble(m.group(3)));
        }
        return samples;
    }

    /** The sum of the samples of {@code name} whose labels include {@code labels}. */
    private static double metric(Map<String, Double> samples, String name, Map<String, String> labels) {
        double sum = 0;
        for (Map.Entry<String, Double> sample : samples.entrySet()) {
            String key = sample.getKey();
            if (!key.startsWith(name + "{")) {
                continue;
            }
            Map<String, String> found = new java.util.HashMap<>();
            Matcher label = LABEL.matcher(key.substring(name.length()));
            while (label.find()) {
                found.put(label.group(1), label.group(2));
            }
            if (found.entrySet().containsAll(labels.entrySet())) {
                sum += sample.getValue();
            }
        }
        return sum;
    }

    private static double metricDelta(Map<String, Double> before, Map<String, Double> after, String name,
                                      Map<String, String> labels) {
        return metric(after, name, labels) - metric(before, name, labels);
    }
}
