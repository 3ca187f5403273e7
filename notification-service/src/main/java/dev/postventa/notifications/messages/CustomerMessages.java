package dev.postventa.notifications.messages;

import dev.postventa.events.EventCatalog;
import dev.postventa.events.CustomerContact;
import dev.postventa.events.Money;
import dev.postventa.events.ReturnedLine;
import dev.postventa.events.UndecodableEventException;
import dev.postventa.events.refunds.RefundFailed;
import dev.postventa.events.refunds.RefundIssued;
import dev.postventa.events.returns.ReturnInTransit;
import dev.postventa.events.returns.ReturnReceived;
import dev.postventa.events.shipments.ReturnShipmentCreated;
import dev.postventa.support.inbox.IncomingEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Decides which journey events the customer hears about, and with which template and values. */
public final class CustomerMessages {

    private CustomerMessages() {
    }

    /**
     * The message an event causes; empty for events the customer is not told about. Throws
     * {@link UndecodableEventException} for a customer-facing event without a customer email: no retry can fix it.
     */
    public static Optional<OutgoingMessage> about(IncomingEvent event) {
        String type = event.type();
        return switch (EventCatalog.classOf(type).map(Class::getSimpleName).orElse("")) {
            case "ReturnShipmentCreated" -> {
                ReturnShipmentCreated e = event.payloadAs(ReturnShipmentCreated.class);
                yield message(event, e.returnId(), "return-approved", e.customer(), "rma", e.rmaNumber(),
                        "carrier", e.carrier(), "trackingNumber", e.trackingNumber(), "labelUrl", e.labelUrl());
            }
            case "ReturnInTransit" -> {
                ReturnInTransit e = event.payloadAs(ReturnInTransit.class);
                yield message(event, e.returnId(), "return-in-transit", e.customer(), "rma", e.rmaNumber(),
                        "trackingNumber", e.trackingNumber());
            }
            case "ReturnReceived" -> {
                ReturnReceived e = event.payloadAs(ReturnReceived.class);
                int items = e.lines().stream().mapToInt(ReturnedLine::quantity).sum();
                Money amount = e.lines().stream().map(ReturnedLine::total).reduce(Money::plus)
                        .orElseThrow(() -> new UndecodableEventException("event " + event.id() + " has no lines"));
                yield message(event, e.returnId(), "return-received", e.customer(), "rma", e.rmaNumber(),
                        "items", items, "amount", amount);
            }
            case "RefundIssued" -> {
                RefundIssued e = event.payloadAs(RefundIssued.class);
                yield message(event, e.returnId(), "refund-issued", e.customer(), "amount", e.amount(),
                        "reference", e.providerReference());
            }
            case "RefundFailed" -> {
                RefundFailed e = event.payloadAs(RefundFailed.class);
                yield message(event, e.returnId(), "refund-failed", e.customer(), "amount", e.amount(),
                        "reason", e.reason());
            }
            default -> Optional.empty();
        };
    }

    private static Optional<OutgoingMessage> message(IncomingEvent event, UUID returnId, String template,
                                                     CustomerContact customer, Object... keysAndValues) {
        if (returnId == null || customer == null || customer.email() == null || customer.email().isBlank()) {
            throw new UndecodableEventException("event " + event.id() + " (" + event.type()
                    + ") has no return id or customer email: nobody to tell");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            // An optional value the producer left out reads as blank rather than failing the whole message.
            Object value = keysAndValues[i + 1];
            data.put((String) keysAndValues[i], value == null ? "" : value);
        }
        return Optional.of(new OutgoingMessage(returnId, event.id(), template, customer, Map.copyOf(data)));
    }
}
