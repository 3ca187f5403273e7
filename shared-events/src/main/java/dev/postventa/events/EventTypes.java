package dev.postventa.events;

/**
 * CloudEvents {@code type} values of every domain event. The trailing {@code .v1} is the contract version:
 * an incompatible change gets a new type (and a new record) while the old one is still published.
 */
public final class EventTypes {

    public static final String RETURN_REQUESTED = "postventa.return.requested.v1";
    public static final String RETURN_APPROVED = "postventa.return.approved.v1";
    public static final String RETURN_IN_TRANSIT = "postventa.return.in-transit.v1";
    public static final String RETURN_RECEIVED = "postventa.return.received.v1";

    public static final String RETURN_SHIPMENT_CREATED = "postventa.shipment.created.v1";
    public static final String SHIPMENT_STATUS_CHANGED = "postventa.shipment.status-changed.v1";

    public static final String REFUND_ISSUED = "postventa.refund.issued.v1";
    public static final String REFUND_FAILED = "postventa.refund.failed.v1";

    public static final String CUSTOMER_NOTIFIED = "postventa.notification.sent.v1";

    private EventTypes() {
    }
}
