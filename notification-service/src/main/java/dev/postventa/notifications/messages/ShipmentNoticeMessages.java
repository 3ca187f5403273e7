package dev.postventa.notifications.messages;

import dev.postventa.events.shipments.ReturnLabelReminderDue;
import dev.postventa.events.shipments.ReturnShipmentException;
import dev.postventa.events.shipments.ReturnShipmentStalled;
import dev.postventa.events.shipments.ShipmentStatus;
import java.util.List;
import java.util.Set;

/**
 * What the customer is told, before they ask, about a return parcel that stopped or ran into trouble (issue 11 §2):
 * an unused label (a reminder, then a stall), a parcel not moving in transit, a carrier exception per kind. Pure
 * rules like {@link CustomerMessages}, whose checks (return id and email, or the dead-letter topic) they share.
 */
public final class ShipmentNoticeMessages {

    public static final String LABEL_REMINDER = "label-reminder";
    public static final String STALLED_LABEL = "shipment-stalled-label";
    public static final String STALLED_IN_TRANSIT = "shipment-stalled-transit";
    public static final String SHIPMENT_EXCEPTION = "shipment-exception";

    /** Every template of these notices, each with a text per language of {@link MessageLanguage#AVAILABLE}. */
    public static final List<String> TEMPLATES = List.of(LABEL_REMINDER, STALLED_LABEL, STALLED_IN_TRANSIT,
            SHIPMENT_EXCEPTION);

    private static final Set<String> KINDS = Set.of(ReturnShipmentException.FAILED_PICKUP,
            ReturnShipmentException.RETURNED_TO_SENDER, ReturnShipmentException.DAMAGED, ReturnShipmentException.LOST);

    private ShipmentNoticeMessages() {
    }

    /**
     * The label is not used yet: its link, and drop it off (by {@code shipBy}, the customer's date, when the event
     * gives it) or cancel.
     */
    public static OutgoingMessage labelReminder(ReturnLabelReminderDue e, String eventId) {
        return CustomerMessages.message(eventId, "ReturnLabelReminderDue", e.returnId(), LABEL_REMINDER, e.customer(),
                "rma", e.rmaNumber(), "carrier", e.carrier(), "trackingNumber", e.trackingNumber(),
                "labelUrl", e.labelUrl(), "shipBy", e.shipBy());
    }

    /**
     * Stalled: a label never used (drop the parcel off, or cancel), or a parcel not moving since its latest scan
     * (we follow it up; nothing for the customer to do).
     */
    public static OutgoingMessage stalled(ReturnShipmentStalled e, String eventId) {
        String template = e.status() == ShipmentStatus.LABEL_CREATED ? STALLED_LABEL : STALLED_IN_TRANSIT;
        return CustomerMessages.message(eventId, "ReturnShipmentStalled", e.returnId(), template, e.customer(),
                "carrier", e.carrier(), "trackingNumber", e.trackingNumber(), "lastMovementAt", e.lastMovementAt());
    }

    /** A carrier exception: what happens next for its kind; a kind this service does not know reads as OTHER. */
    public static OutgoingMessage exception(ReturnShipmentException e, String eventId) {
        String kind = KINDS.contains(e.kind()) ? e.kind() : ReturnShipmentException.OTHER;
        return CustomerMessages.message(eventId, "ReturnShipmentException", e.returnId(), SHIPMENT_EXCEPTION,
                e.customer(), "kind", kind, "carrier", e.carrier(), "trackingNumber", e.trackingNumber(),
                "carrierStatus", e.carrierStatus());
    }
}
