package dev.postventa.tracking.shipment;

import dev.postventa.events.shipments.ShipmentStatus;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Maps carriers' own status words onto the normalised vocabulary. The words cover the canonical webhook format and
 * the common aggregator vocabularies (EasyPost, Shippo, AfterShip tags), case- and separator-insensitively.
 */
public final class CarrierStatuses {

    private static final Map<String, ShipmentStatus> KNOWN = Map.ofEntries(
            Map.entry("label_created", ShipmentStatus.LABEL_CREATED),
            Map.entry("pre_transit", ShipmentStatus.LABEL_CREATED),
            Map.entry("info_received", ShipmentStatus.LABEL_CREATED),
            Map.entry("inforeceived", ShipmentStatus.LABEL_CREATED),
            Map.entry("unknown", ShipmentStatus.LABEL_CREATED),
            Map.entry("picked_up", ShipmentStatus.IN_TRANSIT),
            Map.entry("accepted", ShipmentStatus.IN_TRANSIT),
            Map.entry("in_transit", ShipmentStatus.IN_TRANSIT),
            Map.entry("intransit", ShipmentStatus.IN_TRANSIT),
            Map.entry("transit", ShipmentStatus.IN_TRANSIT),
            Map.entry("out_for_delivery", ShipmentStatus.OUT_FOR_DELIVERY),
            Map.entry("outfordelivery", ShipmentStatus.OUT_FOR_DELIVERY),
            Map.entry("available_for_pickup", ShipmentStatus.OUT_FOR_DELIVERY),
            Map.entry("delivered", ShipmentStatus.DELIVERED_TO_WAREHOUSE),
            Map.entry("delivered_to_warehouse", ShipmentStatus.DELIVERED_TO_WAREHOUSE),
            Map.entry("exception", ShipmentStatus.EXCEPTION),
            Map.entry("failure", ShipmentStatus.EXCEPTION),
            Map.entry("failed_attempt", ShipmentStatus.EXCEPTION),
            Map.entry("attemptfail", ShipmentStatus.EXCEPTION),
            Map.entry("return_to_sender", ShipmentStatus.EXCEPTION),
            Map.entry("returned", ShipmentStatus.EXCEPTION),
            Map.entry("error", ShipmentStatus.EXCEPTION),
            Map.entry("expired", ShipmentStatus.EXCEPTION),
            // AfterShip tags and Shippo substatus codes not covered above (webhooks.aftership, webhooks.shippo).
            Map.entry("pending", ShipmentStatus.LABEL_CREATED),
            Map.entry("availableforpickup", ShipmentStatus.OUT_FOR_DELIVERY),
            Map.entry("pickup_available", ShipmentStatus.OUT_FOR_DELIVERY),
            Map.entry("delivery_attempted", ShipmentStatus.EXCEPTION),
            Map.entry("package_damaged", ShipmentStatus.EXCEPTION),
            Map.entry("package_lost", ShipmentStatus.EXCEPTION));

    private CarrierStatuses() {
    }

    public static Optional<ShipmentStatus> normalise(String carrierStatus) {
        if (carrierStatus == null) {
            return Optional.empty();
        }
        String key = carrierStatus.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return Optional.ofNullable(KNOWN.get(key));
    }
}
