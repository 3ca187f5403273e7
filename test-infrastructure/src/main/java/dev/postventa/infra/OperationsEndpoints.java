package dev.postventa.infra;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

/** What operations expect of every service under test: OpenAPI, Swagger UI, readiness with the relay, metrics. */
public final class OperationsEndpoints {

    private OperationsEndpoints() {
    }

    /** Asserts the service's operations endpoints answer, and that its OpenAPI document names {@code apiPath}. */
    public static void assertServed(String apiPath) {
        given().when().get("/q/openapi").then().statusCode(200).body(containsString(apiPath));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(200).body(containsString("outbox-relay"));
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("kafka_consumer"));
    }
}
