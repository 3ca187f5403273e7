package dev.postventa.notifications.messages;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.Money;
import dev.postventa.events.ReturnedLine;
import dev.postventa.events.UndecodableEventException;
import dev.postventa.events.refunds.RefundFailed;
import dev.postventa.events.refunds.RefundIssued;
import dev.postventa.events.returns.ReturnInTransit;
import dev.postventa.events.returns.ReturnReceived;
import dev.postventa.events.shipments.ReturnShipmentCreated;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What the customer is told about each journey event: which template, with which values. Pure rules, one per event
 * class. A customer-facing event without a return id or customer email throws {@link UndecodableEventException}:
 * no retry can fix it, so it goes to the dead-letter topic.
 */
public final class CustomerMessages {

    public static final String RETURN_APPROVED = "return-approved";
    public static final String RETURN_IN_TRANSIT = "return-in-transit";
    public static final String RETURN_RECEIVED = "return-received";
    public static final String REFUND_ISSUED = "refund-issued";
    public static final String REFUND_FAILED = "refund-failed";

    private CustomerMessages() {
    }

    /** The label is ready: RMA, carrier, tracking number and label link. */
    public static OutgoingMessage labelReady(ReturnShipmentCreated e, String eventId) {
        return message(eventId, "ReturnShipmentCreated", e.returnId(), RETURN_APPROVED, e.customer(),
                "rma", e.rmaNumber(), "carrier", e.carrier(), "trackingNumber", e.trackingNumber(),
                "labelUrl", e.labelUrl());
    }

    /** The parcel is on its way. */
    public static OutgoingMessage inTransit(ReturnInTransit e, String eventId) {
        return message(eventId, "ReturnInTransit", e.returnId(), RETURN_IN_TRANSIT, e.customer(),
                "rma", e.rmaNumber(), "trackingNumber", e.trackingNumber());
    }

    /** Received: how many items, and the amount the refund is being processed for (the lines' totals). */
    public static OutgoingMessage received(ReturnReceived e, String eventId) {
        if (e.lines() == null || e.lines().isEmpty()) {
            throw new UndecodableEventException("event " + eventId + " (ReturnReceived) has no lines");
        }
        int items = e.lines().stream().mapToInt(ReturnedLine::quantity).sum();
        Money amount = e.lines().stream().map(ReturnedLine::total).reduce(Money::plus).orElseThrow();
        return message(eventId, "ReturnReceived", e.returnId(), RETURN_RECEIVED, e.customer(),
                "rma", e.rmaNumber(), "items", items, "amount", amount);
    }

    /** The refund was issued: amount and the provider's reference. */
    public static OutgoingMessage refundIssued(RefundIssued e, String eventId) {
        return message(eventId, "RefundIssued", e.returnId(), REFUND_ISSUED, e.customer(),
                "amount", e.amount(), "reference", e.providerReference());
    }

    /** The refund could not be completed: amount and why. */
    public static OutgoingMessage refundFailed(RefundFailed e, String eventId) {
        return message(eventId, "RefundFailed", e.returnId(), REFUND_FAILED, e.customer(),
                "amount", e.amount(), "reason", e.reason());
    }

    private static OutgoingMessage message(String eventId, String eventName, UUID returnId, String template,
                                           CustomerContact customer, Object... keysAndValues) {
        if (returnId == null || customer == null || customer.email() == null || customer.email().isBlank()) {
            throw new UndecodableEventException("event " + eventId + " (" + eventName
                    + ") has no return id or customer email: nobody to tell");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            // An optional value the producer left out reads as blank rather than failing the whole message.
            Object value = keysAndValues[i + 1];
            data.put((String) keysAndValues[i], value == null ? "" : value);
        }
        return new OutgoingMessage(returnId, eventId, template, customer, Map.copyOf(data));
    }
}
