package dev.postventa.tracking;

import static dev.postventa.infra.Callers.anonymous;
import static dev.postventa.infra.Callers.asCustomerOf;
import static dev.postventa.infra.Callers.asStorefront;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import dev.postventa.infra.PostventaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A shipment is shown to the customer of its order only; to anyone else it does not exist. */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "tracking"))
class ShipmentAccessTest {

    /** The order of every approval {@link ReturnShipmentsTest#approve} sends. */
    private static final String ORDER = "MX-1001";

    @Test
    void theOrdersCustomerSeesTheShipmentAndOthersDoNot() {
        UUID returnId = UUID.randomUUID();
        String tracking = ReturnShipmentsTest.shipmentFor(returnId);

        asCustomerOf(ORDER).get("/shipments/" + tracking).then().statusCode(200).body("returnId", equalTo(returnId.toString()));
        asCustomerOf(ORDER).queryParam("returnId", returnId.toString()).get("/shipments").then()
                .statusCode(200).body("", hasSize(1));
        asStorefront().get("/shipments/" + tracking).then().statusCode(200);

        asCustomerOf("MX-9999").get("/shipments/" + tracking).then()
                .statusCode(404).contentType(startsWith("application/problem+json"));
        asCustomerOf("MX-9999").queryParam("returnId", returnId.toString()).get("/shipments").then()
                .statusCode(200).body("", hasSize(0));
        anonymous().get("/shipments/" + tracking).then()
                .statusCode(401).contentType(startsWith("application/problem+json"));
        // The carriers' webhooks stay reachable without a token: their signature is their credential.
        anonymous().contentType("application/json").body("{}").post(ReturnShipmentsTest.SCANS).then().statusCode(401)
                .body("type", equalTo("https://postventa.dev/problems/webhook-signature"));
    }
}
