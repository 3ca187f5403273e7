package dev.postventa.events;

/**
 * Kafka topics of the platform: one topic per aggregate type, keyed by the aggregate id.
 *
 * <p>Every record on a {@code postventa.*} topic is a CloudEvents 1.0 record in Kafka binary content mode,
 * written by the owning service's transactional outbox.
 */
public final class Topics {

    /** Return aggregate ({@code returns-service}); key = return id. */
    public static final String RETURNS = "postventa.returns";
    /** Return shipment aggregate ({@code tracking-service}); key = shipment id. */
    public static final String SHIPMENTS = "postventa.shipments";
    /** Refund aggregate ({@code refund-service}); key = refund id. */
    public static final String REFUNDS = "postventa.refunds";
    /** Customer notification aggregate ({@code notification-service}); key = notification id. */
    public static final String NOTIFICATIONS = "postventa.notifications";
    /** Inbound: order events published by the storefront; key = order id. See {@code StorefrontOrderEvent}. */
    public static final String STOREFRONT_ORDERS = "storefront.orders";

    /** Dead-letter topic of a consumer (service): messages that could not be decoded or handled after retries. */
    public static String deadLetter(String consumer) {
        return "postventa.dlq." + consumer;
    }

    private Topics() {
    }
}
