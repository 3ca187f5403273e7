package dev.postventa.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.postventa.events.storefront.StorefrontOrderEvent;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

/**
 * Brings the system to where a scenario starts: delivered orders known to returns-service, returns created through
 * its API, their shipments' tracking numbers from tracking-service.
 */
public final class ReturnsFixture {

    private final Target target;
    private final Http http;
    private final Kafka kafka;

    public ReturnsFixture(Target target, Http http, Kafka kafka) {
        this.target = target;
        this.http = http;
        this.kafka = kafka;
    }

    /** Order ids {@code <prefix>-0 … <prefix>-(count-1)}, one line of {@code units} units each. */
    public static List<String> orderIds(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + "-" + i).toList();
    }

    /**
     * Publishes the orders to the storefront topic and waits until returns-service has stored every one (its
     * {@code order_snapshot} rows); returns the seconds from the first send until then.
     */
    public double publishAndAwaitOrders(String prefix, int count, int units, Duration timeout) throws Exception {
        List<StorefrontOrderEvent> events = orderIds(prefix, count).stream()
                .map(id -> Kafka.deliveredOrder(id, units)).toList();
        long start = System.nanoTime();
        kafka.publishOrders(events);
        awaitOrderSnapshots(prefix, count, timeout);
        return (System.nanoTime() - start) / 1e9;
    }

    /** Waits until returns-service's read model holds {@code count} orders whose id starts with {@code prefix-}. */
    public void awaitOrderSnapshots(String prefix, int count, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection c = DriverManager.getConnection(target.jdbcUrl("returns"), target.postgresUser(),
                target.postgresPassword()); PreparedStatement stored = c.prepareStatement(
                "SELECT count(*) FROM order_snapshot WHERE order_id LIKE ?")) {
            stored.setString(1, prefix + "-%");
            while (true) {
                try (ResultSet rs = stored.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) >= count) {
                        return;
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("returns-service stored " + rs.getLong(1) + " of " + count
                                + " orders " + prefix + "-* within " + timeout);
                    }
                }
                Thread.sleep(50);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read returns-service's order_snapshot", e);
        }
    }

    /** Asks for the return of {@code units} units of line L1 of the order, under a fresh Idempotency-Key. */
    public CompletableFuture<HttpResponse<String>> createReturn(String orderId, String idempotencyKey, int units) {
        String body = """
                {"orderId":"%s","lines":[{"lineId":"L1","quantity":%d,"reason":"SIZE_TOO_SMALL"}]}"""
                .formatted(orderId, units);
        return http.postJson(target.returnsUrl() + "/returns", body, Map.of("Idempotency-Key", idempotencyKey));
    }

    /** Creates one return per order (8 at a time) and returns their ids. */
    public List<String> createReturns(List<String> orderIds) {
        List<String> ids = new ArrayList<>();
        for (int from = 0; from < orderIds.size(); from += 8) {
            List<CompletableFuture<HttpResponse<String>>> batch = orderIds.subList(from,
                    Math.min(orderIds.size(), from + 8)).stream().map(o -> createReturn(o, "fixture-" + o, 1)).toList();
            for (CompletableFuture<HttpResponse<String>> call : batch) {
                HttpResponse<String> response = call.join();
                if (response.statusCode() != 201) {
                    throw new IllegalStateException("POST /returns answered " + response.statusCode() + ": "
                            + response.body());
                }
                ids.add(json(response.body()).path("id").asText());
            }
        }
        return ids;
    }

    /** The tracking number of each return's shipment, waiting until tracking-service created them all. */
    public List<String> trackingNumbers(List<String> returnIds, Duration timeout) throws InterruptedException {
        List<String> numbers = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String returnId : returnIds) {
            while (true) {
                JsonNode shipments = http.getJson(target.trackingUrl() + "/shipments?returnId=" + returnId);
                String number = shipments.path(0).path("trackingNumber").asText(null);
                if (number != null) {
                    numbers.add(number);
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no shipment for return " + returnId + " within " + timeout);
                }
                Thread.sleep(100);
            }
        }
        return numbers;
    }

    static JsonNode json(String body) {
        try {
            return Http.JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }
}
