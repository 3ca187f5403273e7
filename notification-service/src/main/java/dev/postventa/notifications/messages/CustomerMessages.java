package dev.postventa.notifications.messages;

import dev.postventa.events.EventTypes;
import dev.postventa.events.ReturnedLine;
import dev.postventa.events.refunds.RefundFailed;
import dev.postventa.events.refunds.RefundIssued;
import dev.postventa.events.returns.ReturnInTransit;
import dev.postventa.events.returns.ReturnReceived;
import dev.postventa.events.shipments.ReturnShipmentCreated;
import dev.postventa.support.inbox.IncomingEvent;
import java.util.Map;
import java.util.Optional;

/** Decides which journey events the customer hears about, and with which template and values. */
public final class CustomerMessages {

    private CustomerMessages() {
    }

    /** Empty for events the customer is not told about. */
    public static Optional<OutgoingMessage> about(IncomingEvent event) {
        return switch (event.type()) {
            case EventTypes.RETURN_SHIPMENT_CREATED -> {
                ReturnShipmentCreated e = event.payloadAs(ReturnShipmentCreated.class);
                yield Optional.of(new OutgoingMessage(e.returnId(), event.id(), "return-approved", e.customer(),
                        Map.of("rma", e.rmaNumber(), "carrier", e.carrier(), "trackingNumber", e.trackingNumber(),
                                "labelUrl", e.labelUrl())));
            }
            case EventTypes.RETURN_IN_TRANSIT -> {
                ReturnInTransit e = event.payloadAs(ReturnInTransit.class);
                yield Optional.of(new OutgoingMessage(e.returnId(), event.id(), "return-in-transit", e.customer(),
                        Map.of("rma", e.rmaNumber(), "trackingNumber", String.valueOf(e.trackingNumber()))));
            }
            case EventTypes.RETURN_RECEIVED -> {
                ReturnReceived e = event.payloadAs(ReturnReceived.class);
                int items = e.lines().stream().mapToInt(ReturnedLine::quantity).sum();
                yield Optional.of(new OutgoingMessage(e.returnId(), event.id(), "return-received", e.customer(),
                        Map.of("rma", e.rmaNumber(), "items", items,
                                "amount", e.lines().stream().map(ReturnedLine::total).reduce((a, b) -> a.plus(b))
                                        .orElseThrow())));
            }
            case EventTypes.REFUND_ISSUED -> {
                RefundIssued e = event.payloadAs(RefundIssued.class);
                yield Optional.of(new OutgoingMessage(e.returnId(), event.id(), "refund-issued", e.customer(),
                        Map.of("amount", e.amount(), "reference", e.providerReference())));
            }
            case EventTypes.REFUND_FAILED -> {
                RefundFailed e = event.payloadAs(RefundFailed.class);
                yield Optional.of(new OutgoingMessage(e.returnId(), event.id(), "refund-failed", e.customer(),
                        Map.of("amount", e.amount(), "reason", e.reason())));
            }
            default -> Optional.empty();
        };
    }
}
