package dev.postventa.infra;

import static org.hamcrest.Matchers.containsString;

/** What operations expect of every service under test: OpenAPI, Swagger UI, readiness with the relay, metrics. */
public final class OperationsEndpoints {

    private OperationsEndpoints() {
    }

    /**
     * Asserts the service's operations endpoints answer on the management interface, and only there, and that its
     * OpenAPI document names {@code apiPath}.
     */
    public static void assertServed(String apiPath) {
        Callers.anonymous().when().get("/q/metrics").then().statusCode(404);
        Callers.anonymous().when().get("/q/openapi").then().statusCode(404);
        Callers.management().when().get("/q/openapi").then().statusCode(200).body(containsString(apiPath));
        Callers.management().when().get("/q/swagger-ui/").then().statusCode(200);
        Callers.management().when().get("/q/health/ready").then().statusCode(200).body(containsString("outbox-relay"));
        Callers.management().when().get("/q/metrics").then().statusCode(200).body(containsString("kafka_consumer"));
    }
}
