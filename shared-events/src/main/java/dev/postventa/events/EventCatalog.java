package dev.postventa.events;

import dev.postventa.events.notifications.CustomerNotified;
import dev.postventa.events.refunds.RefundFailed;
import dev.postventa.events.refunds.RefundIssued;
import dev.postventa.events.credit.StoreCreditExpired;
import dev.postventa.events.credit.StoreCreditIssued;
import dev.postventa.events.credit.StoreCreditRedeemed;
import dev.postventa.events.returns.ExchangeConfirmed;
import dev.postventa.events.returns.ExchangeFallbackApplied;
import dev.postventa.events.returns.ExchangeRequested;
import dev.postventa.events.returns.FeedbackReceived;
import dev.postventa.events.returns.FeedbackRequested;
import dev.postventa.events.returns.ReturnApproved;
import dev.postventa.events.returns.ReturnCancelled;
import dev.postventa.events.returns.ReturnInspected;
import dev.postventa.events.returns.ReturnRejected;
import dev.postventa.events.returns.ReturnResolved;
import dev.postventa.events.returns.ReturnInTransit;
import dev.postventa.events.returns.ReturnReceived;
import dev.postventa.events.returns.ReturnRequested;
import dev.postventa.events.shipments.ReturnLabelReminderDue;
import dev.postventa.events.shipments.ReturnShipmentCreated;
import dev.postventa.events.shipments.ReturnShipmentException;
import dev.postventa.events.shipments.ReturnShipmentStalled;
import dev.postventa.events.shipments.ShipmentStatusChanged;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one table of the platform's domain events: for each record, its CloudEvents {@code type} and its topic.
 * Producers ({@link DomainEvent#eventType()}), consumers (typed dispatch from a {@code ce_type} header), tools (DLQ
 * replay, tests) and documentation all read it here; nothing else spells an event type.
 *
 * <p>The trailing {@code .v1} of a type is the contract version: an incompatible change gets a new type and a new
 * record, published beside the old one until every consumer has moved.
 */
public final class EventCatalog {

    /**
     * One catalogued event: its record, its {@code ce_type}, the topic it is published on and what it means (one
     * line, for the AsyncAPI document: Javadoc is not there at run time).
     */
    public record Entry(Class<? extends DomainEvent> eventClass, String type, String topic, String description) {
    }

    private static final Map<String, Entry> BY_TYPE = new LinkedHashMap<>();
    private static final Map<Class<? extends DomainEvent>, Entry> BY_CLASS = new LinkedHashMap<>();

    static {
        add(ReturnRequested.class, "postventa.return.requested.v1", Topics.RETURNS,
                "A customer asked to return lines of a delivered order.");
        add(ReturnApproved.class, "postventa.return.approved.v1", Topics.RETURNS,
                "The return policy approved the return and gave it an RMA number.");
        add(ReturnInTransit.class, "postventa.return.in-transit.v1", Topics.RETURNS,
                "The carrier picked up the returned parcel.");
        add(ReturnReceived.class, "postventa.return.received.v1", Topics.RETURNS,
                "The parcel reached the warehouse; lines carry what was paid for them.");
        add(ReturnRejected.class, "postventa.return.rejected.v1", Topics.RETURNS,
                "Operations refused the return on manual review, with the reason shown to the customer.");
        add(ReturnCancelled.class, "postventa.return.cancelled.v1", Topics.RETURNS,
                "The customer cancelled the return before pickup: void the label, release reservations, settle nothing.");
        add(ExchangeRequested.class, "postventa.return.exchange-requested.v1", Topics.RETURNS,
                "Asks the storefront to reserve a replacement for a returned line (answered on storefront.exchanges).");
        add(ExchangeConfirmed.class, "postventa.return.exchange-confirmed.v1", Topics.RETURNS,
                "The storefront reserved the replacement of an exchanged line.");
        add(ExchangeFallbackApplied.class, "postventa.return.exchange-fallback-applied.v1", Topics.RETURNS,
                "The replacement could not be reserved; the customer's fallback (refund or credit) applies to the line.");
        add(ReturnInspected.class, "postventa.return.inspected.v1", Topics.RETURNS,
                "The warehouse inspected the received return (or accepted it on receipt); lines carry accepted units.");
        add(ReturnResolved.class, "postventa.return.resolved.v1", Topics.RETURNS,
                "The outcome is decided: amounts to refund and to credit, replacements to ship; refund-service settles it.");
        add(FeedbackRequested.class, "postventa.return.feedback-requested.v1", Topics.RETURNS,
                "The return was settled: ask the customer to answer the satisfaction survey (signed, expiring link).");
        add(FeedbackReceived.class, "postventa.return.feedback-received.v1", Topics.RETURNS,
                "The customer answered the survey of a return (NPS 0-10 or CSAT 1-5, optional comment), once per return.");
        add(ReturnShipmentCreated.class, "postventa.shipment.created.v1", Topics.SHIPMENTS,
                "A prepaid return label was created with a carrier.");
        add(ShipmentStatusChanged.class, "postventa.shipment.status-changed.v1", Topics.SHIPMENTS,
                "A carrier scan moved the shipment to a new normalised status (in scan-time order).");
        add(ReturnShipmentStalled.class, "postventa.shipment.stalled.v1", Topics.SHIPMENTS,
                "The shipment has had no scan for longer than its status's SLA (by our receipt times).");
        add(ReturnShipmentException.class, "postventa.shipment.exception.v1", Topics.SHIPMENTS,
                "The carrier reported a problem: failed pickup, returned to sender, damaged or lost.");
        add(ReturnLabelReminderDue.class, "postventa.shipment.label-reminder-due.v1", Topics.SHIPMENTS,
                "The return label has not been used for the reminder period: remind the customer to drop it off.");
        add(RefundIssued.class, "postventa.refund.issued.v1", Topics.REFUNDS,
                "The payment provider accepted the refund of a received return.");
        add(RefundFailed.class, "postventa.refund.failed.v1", Topics.REFUNDS,
                "The provider refused the refund for good (retries of transient failures are over).");
        add(StoreCreditIssued.class, "postventa.store-credit.issued.v1", Topics.STORE_CREDIT,
                "Store credit (bonus included) was added to a customer's account for a resolved return.");
        add(StoreCreditRedeemed.class, "postventa.store-credit.redeemed.v1", Topics.STORE_CREDIT,
                "The storefront spent store credit of a customer's account.");
        add(StoreCreditExpired.class, "postventa.store-credit.expired.v1", Topics.STORE_CREDIT,
                "The unspent part of an issued credit expired.");
        add(CustomerNotified.class, "postventa.notification.sent.v1", Topics.NOTIFICATIONS,
                "A message about a return reached the customer's channel (the SMTP server accepted it).");
    }

    private EventCatalog() {
    }

    private static void add(Class<? extends DomainEvent> eventClass, String type, String topic, String description) {
        Entry entry = new Entry(eventClass, type, topic, description);
        if (BY_TYPE.putIfAbsent(type, entry) != null || BY_CLASS.putIfAbsent(eventClass, entry) != null) {
            throw new IllegalStateException("event listed twice: " + type + " / " + eventClass.getName());
        }
    }

    /** Every entry, in catalogue order; unmodifiable. */
    public static Map<String, Entry> entries() {
        return Collections.unmodifiableMap(BY_TYPE);
    }

    /** Type → record class, in catalogue order; unmodifiable. */
    public static Map<String, Class<? extends DomainEvent>> types() {
        Map<String, Class<? extends DomainEvent>> types = new LinkedHashMap<>();
        BY_TYPE.forEach((type, entry) -> types.put(type, entry.eventClass()));
        return Collections.unmodifiableMap(types);
    }

    /** Empty for a type this version does not know: consumers skip such events rather than dead-letter them. */
    public static Optional<Class<? extends DomainEvent>> classOf(String type) {
        return Optional.ofNullable(BY_TYPE.get(type)).map(Entry::eventClass);
    }

    /** True when {@code type} is a catalogued event type (metrics tag unknown types as such, never by their text). */
    public static boolean isKnown(String type) {
        return type != null && BY_TYPE.containsKey(type);
    }

    /** The {@code ce_type} of an event record; throws {@link IllegalArgumentException} for an uncatalogued class. */
    public static String typeOf(Class<?> eventClass) {
        return entryOf(eventClass).type();
    }

    /** The topic events of this record are published on. */
    public static String topicOf(Class<?> eventClass) {
        return entryOf(eventClass).topic();
    }

    /** The topic events of this type are published on; throws {@link IllegalArgumentException} for an unknown type. */
    public static String topicOf(String type) {
        Entry entry = BY_TYPE.get(type);
        if (entry == null) {
            throw new IllegalArgumentException("unknown event type: " + type);
        }
        return entry.topic();
    }

    private static Entry entryOf(Class<?> eventClass) {
        Entry entry = BY_CLASS.get(eventClass);
        if (entry == null) {
            throw new IllegalArgumentException("not a catalogued event: " + eventClass.getName());
        }
        return entry;
    }
}
