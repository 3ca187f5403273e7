package dev.postventa.tracking.notices;

import static dev.postventa.events.shipments.ReturnShipmentException.DAMAGED;
import static dev.postventa.events.shipments.ReturnShipmentException.FAILED_PICKUP;
import static dev.postventa.events.shipments.ReturnShipmentException.LOST;
import static dev.postventa.events.shipments.ReturnShipmentException.OTHER;
import static dev.postventa.events.shipments.ReturnShipmentException.RETURNED_TO_SENDER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.postventa.events.shipments.ShipmentStatus;
import dev.postventa.tracking.shipment.CarrierStatuses;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExceptionKindsTest {

    @Test
    void theCarriersWordGivesTheKindWhateverItsCaseAndSeparators() {
        Map<String, String> kinds = Map.ofEntries(
                Map.entry("failed_attempt", FAILED_PICKUP),
                Map.entry("AttemptFail", FAILED_PICKUP),
                Map.entry("Failed Pickup", FAILED_PICKUP),
                Map.entry("pickup-failed", FAILED_PICKUP),
                Map.entry("return_to_sender", RETURNED_TO_SENDER),
                Map.entry("RETURNED", RETURNED_TO_SENDER),
                Map.entry("Returned to Sender", RETURNED_TO_SENDER),
                Map.entry("package_damaged", DAMAGED),
                Map.entry("DAMAGED", DAMAGED),
                Map.entry("lost", LOST),
                Map.entry("Package Lost", LOST),
                Map.entry("missing", LOST),
                Map.entry("exception", OTHER),
                Map.entry("failure", OTHER),
                Map.entry("error", OTHER),
                Map.entry("expired", OTHER));
        kinds.forEach((word, kind) -> assertThat(ExceptionKinds.of(word, ShipmentStatus.EXCEPTION))
                .as(word).contains(kind));
    }

    @Test
    void theWordsTheVocabularyCallsExceptionsAllHaveAKind() {
        for (String word : new String[] {"failed_attempt", "attemptfail", "return_to_sender", "returned", "exception"}) {
            ShipmentStatus normalised = CarrierStatuses.normalise(word).orElseThrow();
            assertThat(ExceptionKinds.of(word, normalised)).as(word).isPresent();
        }
    }

    @Test
    void aScanThatIsNoExceptionHasNoKind() {
        assertThat(ExceptionKinds.of("in_transit", ShipmentStatus.IN_TRANSIT)).isEmpty();
        assertThat(ExceptionKinds.of("delivered", ShipmentStatus.DELIVERED_TO_WAREHOUSE)).isEmpty();
        // A word not in the vocabulary is kept in the timeline only (normalised null): nothing is told.
        assertThat(ExceptionKinds.of("lost", null)).isEmpty();
    }
}
