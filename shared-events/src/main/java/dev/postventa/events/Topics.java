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
    /** Store credit account aggregate ({@code refund-service}); key = account id. */
    public static final String STORE_CREDIT = "postventa.store-credit";
    /** Customer notification aggregate ({@code notification-service}); key = notification id. */
    public static final String NOTIFICATIONS = "postventa.notifications";
    /** Inbound: order events published by the storefront; key = order id. See {@code StorefrontOrderEvent}. */
    public static final String STOREFRONT_ORDERS = "storefront.orders";
    /** Inbound: stock and price of each SKU published by the storefront; key = SKU. See {@code InventoryLevel}. */
    public static final String STOREFRONT_INVENTORY = "storefront.inventory";
    /** Inbound: the storefront's answers to exchange reservations; key = return id. See {@code ExchangeAnswer}. */
    public static final String STOREFRONT_EXCHANGES = "storefront.exchanges";

    /** Dead-letter topic of a consumer (service): messages that could not be decoded or handled after retries. */
    public static String deadLetter(String consumer) {
        return "postventa.dlq." + consumer;
    }

    private Topics() {
    }
}
