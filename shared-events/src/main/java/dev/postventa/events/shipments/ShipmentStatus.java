package dev.postventa.events.shipments;

/**
 * The normalised status vocabulary of a return shipment; carriers' own statuses are mapped onto it.
 * The order of the constants is the order of a normal journey.
 */
public enum ShipmentStatus {
    LABEL_CREATED,
    IN_TRANSIT,
    OUT_FOR_DELIVERY,
    DELIVERED_TO_WAREHOUSE,
    EXCEPTION
}
