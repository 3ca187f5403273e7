package dev.postventa.notifications.messages;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.Money;
import dev.postventa.events.ReturnedLine;
import dev.postventa.events.UndecodableEventException;
import dev.postventa.events.credit.StoreCreditIssued;
import dev.postventa.events.refunds.RefundFailed;
import dev.postventa.events.refunds.RefundIssued;
import dev.postventa.events.returns.ExchangeConfirmed;
import dev.postventa.events.returns.ExchangeFallbackApplied;
import dev.postventa.events.returns.InspectedLine;
import dev.postventa.events.returns.ReturnApproved;
import dev.postventa.events.returns.ReturnCancelled;
import dev.postventa.events.returns.ReturnInTransit;
import dev.postventa.events.returns.ReturnInspected;
import dev.postventa.events.returns.ReturnReceived;
import dev.postventa.events.returns.ReturnRejected;
import dev.postventa.events.shipments.ReturnShipmentCreated;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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
    public static final String RETURN_REJECTED = "return-rejected";
    public static final String RETURN_CANCELLED = "return-cancelled";
    public static final String RETURN_KEPT = "return-kept";
    public static final String EXCHANGE_CONFIRMED = "exchange-confirmed";
    public static final String EXCHANGE_FALLBACK = "exchange-fallback";
    public static final String RETURN_PARTIALLY_ACCEPTED = "return-partially-accepted";
    public static final String STORE_CREDIT_ISSUED = "store-credit-issued";

    /** Every template, each with a text per language of {@link MessageLanguage#AVAILABLE}. */
    public static final List<String> TEMPLATES = List.of(RETURN_APPROVED, RETURN_IN_TRANSIT, RETURN_RECEIVED,
            REFUND_ISSUED, REFUND_FAILED, RETURN_REJECTED, RETURN_CANCELLED, RETURN_KEPT, EXCHANGE_CONFIRMED,
            EXCHANGE_FALLBACK, RETURN_PARTIALLY_ACCEPTED, STORE_CREDIT_ISSUED);

    /** How a kept return is settled, as the {@code settlement} value of {@link #RETURN_KEPT}. */
    public static final String SETTLED_BY_REFUND = "REFUND";
    public static final String SETTLED_BY_CREDIT = "STORE_CREDIT";
    public static final String SETTLED_BY_BOTH = "BOTH";

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

    /**
     * The refund was issued: amount and the provider's reference, and the restocking fee deducted when there was one
     * ({@code restockingFee} blank otherwise, also from producers before the fee existed).
     */
    public static OutgoingMessage refundIssued(RefundIssued e, String eventId) {
        Money fee = e.restockingFee();
        boolean feeDeducted = fee != null && fee.amount().signum() > 0;
        return message(eventId, "RefundIssued", e.returnId(), REFUND_ISSUED, e.customer(),
                "amount", e.amount(), "reference", e.providerReference(), "restockingFee", feeDeducted ? fee : "");
    }

    /** Refused on review: the order and the reviewer's reason. */
    public static OutgoingMessage rejected(ReturnRejected e, String eventId) {
        return message(eventId, "ReturnRejected", e.returnId(), RETURN_REJECTED, e.customer(),
                "orderId", e.orderId(), "reason", e.reason());
    }

    /** Cancelled as asked: nothing charged or refunded; the label, when there was one, is void. */
    public static OutgoingMessage cancelled(ReturnCancelled e, String eventId) {
        return message(eventId, "ReturnCancelled", e.returnId(), RETURN_CANCELLED, e.customer(),
                "orderId", e.orderId(), "rma", e.rmaNumber(), "trackingNumber", e.trackingNumber());
    }

    /**
     * Approved with every item kept (the caller checks {@link ReturnApproved#keptByCustomer()}): nothing to ship,
     * how many items, their value and whether it comes back as a refund, store credit or both.
     */
    public static OutgoingMessage kept(ReturnApproved e, String eventId) {
        if (e.lines() == null || e.lines().isEmpty()) {
            throw new UndecodableEventException("event " + eventId + " (ReturnApproved) keeps no lines");
        }
        int items = e.lines().stream().mapToInt(ReturnedLine::quantity).sum();
        Money amount = e.lines().stream().map(ReturnedLine::total).reduce(Money::plus).orElseThrow();
        Set<String> settlements = e.lines().stream().map(CustomerMessages::settlementOf).collect(Collectors.toSet());
        String settlement = settlements.size() > 1 ? SETTLED_BY_BOTH : settlements.iterator().next();
        return message(eventId, "ReturnApproved", e.returnId(), RETURN_KEPT, e.customer(),
                "rma", e.rmaNumber(), "items", items, "amount", amount, "settlement", settlement);
    }

    /** The replacement is reserved: which SKU, how many, and that it ships once the return is checked. */
    public static OutgoingMessage exchangeConfirmed(ExchangeConfirmed e, String eventId) {
        return message(eventId, "ExchangeConfirmed", e.returnId(), EXCHANGE_CONFIRMED, e.customer(),
                "orderId", e.orderId(), "replacementSku", e.replacementSku(), "quantity", e.quantity());
    }

    /** The replacement could not be reserved: why, and the fallback ({@code REFUND} or {@code STORE_CREDIT}). */
    public static OutgoingMessage exchangeFallback(ExchangeFallbackApplied e, String eventId) {
        return message(eventId, "ExchangeFallbackApplied", e.returnId(), EXCHANGE_FALLBACK, e.customer(),
                "orderId", e.orderId(), "replacementSku", e.replacementSku(), "fallback", e.fallback(),
                "reason", e.reason());
    }

    /**
     * A partial acceptance (the caller checks {@link ReturnInspected#partial()}): per line what was accepted of
     * what was announced, its grade and the inspector's note; the rest is not settled.
     */
    public static OutgoingMessage partiallyAccepted(ReturnInspected e, String eventId) {
        if (e.lines() == null || e.lines().isEmpty()) {
            throw new UndecodableEventException("event " + eventId + " (ReturnInspected) has no lines");
        }
        List<Map<String, Object>> lines = e.lines().stream().map(CustomerMessages::inspected).toList();
        return message(eventId, "ReturnInspected", e.returnId(), RETURN_PARTIALLY_ACCEPTED, e.customer(),
                "rma", e.rmaNumber(), "lines", lines,
                "accepted", e.lines().stream().mapToInt(InspectedLine::acceptedQuantity).sum(),
                "expected", e.lines().stream().mapToInt(InspectedLine::expectedQuantity).sum());
    }

    /** Store credit was added: amount with the bonus in it (blank when none), balance and expiry. */
    public static OutgoingMessage storeCreditIssued(StoreCreditIssued e, String eventId) {
        Money bonus = e.bonus();
        return message(eventId, "StoreCreditIssued", e.returnId(), STORE_CREDIT_ISSUED, e.customer(),
                "orderId", e.orderId(), "amount", e.amount(),
                "bonus", bonus != null && bonus.amount().compareTo(BigDecimal.ZERO) > 0 ? bonus : "",
                "balance", e.balance(), "expiresAt", e.expiresAt());
    }

    /** What a kept line comes back as: an exchange cannot be kept, so its fallback (or a refund) counts. */
    private static String settlementOf(ReturnedLine line) {
        String resolution = line.resolutionOrRefund();
        if (ReturnedLine.EXCHANGE.equals(resolution)) {
            resolution = line.fallback() == null ? ReturnedLine.REFUND : line.fallback();
        }
        return ReturnedLine.STORE_CREDIT.equals(resolution) ? SETTLED_BY_CREDIT : SETTLED_BY_REFUND;
    }

    private static Map<String, Object> inspected(InspectedLine line) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", line.name() == null ? "" : line.name());
        values.put("accepted", line.acceptedQuantity());
        values.put("expected", line.expectedQuantity());
        values.put("grade", line.grade() == null ? "" : line.grade());
        values.put("note", line.note() == null ? "" : line.note());
        return values;
    }

    /** The refund could not be completed: amount and why. */
    public static OutgoingMessage refundFailed(RefundFailed e, String eventId) {
        return message(eventId, "RefundFailed", e.returnId(), REFUND_FAILED, e.customer(),
                "amount", e.amount(), "reason", e.reason());
    }

    static OutgoingMessage message(String eventId, String eventName, UUID returnId, String template,
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
