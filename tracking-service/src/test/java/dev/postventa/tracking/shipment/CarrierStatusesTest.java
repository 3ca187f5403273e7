package dev.postventa.tracking.shipment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postventa.events.shipments.ShipmentStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Carriers' words onto the normalised vocabulary, whatever their case and separators. */
class CarrierStatusesTest {

    @ParameterizedTest
    @CsvSource({
            "label_created, LABEL_CREATED", "pre_transit, LABEL_CREATED", "InfoReceived, LABEL_CREATED",
            "picked_up, IN_TRANSIT", "in-transit, IN_TRANSIT", "In Transit, IN_TRANSIT", "  TRANSIT  , IN_TRANSIT",
            "out_for_delivery, OUT_FOR_DELIVERY", "OutForDelivery, OUT_FOR_DELIVERY",
            "available_for_pickup, OUT_FOR_DELIVERY",
            "delivered, DELIVERED_TO_WAREHOUSE", "Delivered-To-Warehouse, DELIVERED_TO_WAREHOUSE",
            "failure, EXCEPTION", "AttemptFail, EXCEPTION", "return_to_sender, EXCEPTION", "expired, EXCEPTION"})
    void knownWordsAreNormalised(String word, ShipmentStatus expected) {
        assertThat(CarrierStatuses.normalise(word)).contains(expected);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "held_at_customs", "deliveredd", "in__transit"})
    void otherWordsAreNotInTheVocabulary(String word) {
        assertThat(CarrierStatuses.normalise(word)).isEmpty();
    }
}
