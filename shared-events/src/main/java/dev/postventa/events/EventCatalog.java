package dev.postventa.events;

import dev.postventa.events.notifications.CustomerNotified;
import dev.postventa.events.refunds.RefundFailed;
import dev.postventa.events.refunds.RefundIssued;
import dev.postventa.events.returns.ReturnApproved;
import dev.postventa.events.returns.ReturnInTransit;
import dev.postventa.events.returns.ReturnReceived;
import dev.postventa.events.returns.ReturnRequested;
import dev.postventa.events.shipments.ReturnShipmentCreated;
import dev.postventa.events.shipments.ShipmentStatusChanged;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every {@link DomainEvent} by its CloudEvents type, with its topic: lets a consumer or a tool (DLQ replay,
 * local stack, tests) go from a {@code ce_type} header to the payload class without an instance at hand.
 * The record's own {@code eventType()}/{@code topic()} stay the source of truth; a test keeps this table in step.
 */
public final class EventCatalog {

    private record Entry(Class<? extends DomainEvent> eventClass, String topic) {
    }

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();
    private static final Map<String, Class<? extends DomainEvent>> CLASSES = new LinkedHashMap<>();

    static {
        add(EventTypes.RETURN_REQUESTED, ReturnRequested.class, Topics.RETURNS);
        add(EventTypes.RETURN_APPROVED, ReturnApproved.class, Topics.RETURNS);
        add(EventTypes.RETURN_IN_TRANSIT, ReturnInTransit.class, Topics.RETURNS);
        add(EventTypes.RETURN_RECEIVED, ReturnReceived.class, Topics.RETURNS);
        add(EventTypes.RETURN_SHIPMENT_CREATED, ReturnShipmentCreated.class, Topics.SHIPMENTS);
        add(EventTypes.SHIPMENT_STATUS_CHANGED, ShipmentStatusChanged.class, Topics.SHIPMENTS);
        add(EventTypes.REFUND_ISSUED, RefundIssued.class, Topics.REFUNDS);
        add(EventTypes.REFUND_FAILED, RefundFailed.class, Topics.REFUNDS);
        add(EventTypes.CUSTOMER_NOTIFIED, CustomerNotified.class, Topics.NOTIFICATIONS);
    }

    private EventCatalog() {
    }

    private static void add(String type, Class<? extends DomainEvent> eventClass, String topic) {
        if (ENTRIES.putIfAbsent(type, new Entry(eventClass, topic)) != null) {
            throw new IllegalStateException("event type listed twice: " + type);
        }
        CLASSES.put(type, eventClass);
    }

    /** Type → record class, in catalogue order; unmodifiable. */
    public static Map<String, Class<? extends DomainEvent>> types() {
        return Collections.unmodifiableMap(CLASSES);
    }

    /** Empty for a type this version does not know: consumers skip such events rather than dead-letter them. */
    public static Optional<Class<? extends DomainEvent>> classOf(String type) {
        return Optional.ofNullable(CLASSES.get(type));
    }

    /** The topic events of this type are published on; throws {@link IllegalArgumentException} for an unknown type. */
    public static String topicOf(String type) {
        Entry entry = ENTRIES.get(type);
        if (entry == null) {
            throw new IllegalArgumentException("unknown event type: " + type);
        }
        return entry.topic();
    }
}
