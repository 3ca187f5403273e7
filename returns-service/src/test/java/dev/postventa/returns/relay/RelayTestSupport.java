package dev.postventa.returns.relay;

import static dev.postventa.infra.Callers.management;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import dev.postventa.returns.Orders;
import dev.postventa.returns.ReturnsTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** What the relay tests share: a delivered order to return, and waiting for readiness. */
abstract class RelayTestSupport extends ReturnsTestSupport {

    static void awaitReady() {
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                management().when().get("/q/health/ready").then().statusCode(200));
    }


    /** A return of one shirt for a fresh delivered order; its id. */
    static String postOneReturn() {
        String orderId = deliveredOrder();
        return postReturn(returnBody(orderId, Orders.SHIRT, 1, "DAMAGED"), null).statusCode(201).extract().path("id");
    }

    /** The value of a Prometheus sample such as {@code postventa_relay_parked_total}, 0 when absent. */
    static double metric(String name) {
        String body = management().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return body.lines()
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
