package dev.postventa.returns;

import dev.postventa.events.EventJson;
import dev.postventa.events.Money;
import dev.postventa.events.storefront.OrderLine;
import dev.postventa.events.storefront.StorefrontOrder;
import dev.postventa.events.storefront.StorefrontOrderEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Builds storefront order events the way a storefront publishes them. */
public final class Orders {

    public static final String SHIRT = "L1";
    public static final String SNEAKERS = "L2";
    public static final String GIFT_CARD = "L3";
    public static final String SOCKS = "S1";

    private Orders() {
    }

    public static String newOrderId() {
        return "MX-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A Mexican order: 2 shirts, 1 pair of sneakers, 1 final-sale gift card. */
    public static StorefrontOrder order(String orderId, Instant placedAt, Instant deliveredAt) {
        return new StorefrontOrder(orderId, "cust-42", "ana@example.mx", "es-MX", "MX", "MXN", List.of(
                new OrderLine(SHIRT, "SKU-SHIRT-M", "Camisa de lino", "apparel", 2, Money.of("499.90", "MXN"), false),
                new OrderLine(SNEAKERS, "SKU-SNK-27", "Tenis urbanos", "footwear", 1, Money.of("1299.00", "MXN"), false),
                new OrderLine(GIFT_CARD, "SKU-GIFT", "Tarjeta de regalo", "gift", 1, Money.of("500.00", "MXN"), true)),
                placedAt, deliveredAt, null);
    }

    /** A delivered order of one line: {@code quantity} pairs of socks. */
    public static StorefrontOrderEvent deliveredSocks(String orderId, int quantity, Instant placedAt, Instant deliveredAt) {
        StorefrontOrder order = new StorefrontOrder(orderId, "cust-7", "lu@example.es", "es-ES", "ES", "EUR", List.of(
                new OrderLine(SOCKS, "SKU-SOCKS", "Calcetines", "apparel", quantity, Money.of("59.95", "EUR"), false)),
                placedAt, deliveredAt, null);
        return new StorefrontOrderEvent(UUID.randomUUID().toString(), StorefrontOrderEvent.ORDER_DELIVERED, deliveredAt,
                order);
    }

    /**
     * A delivered guest-checkout order, as the contract allows it: no customer id, no locale, and the shipping
     * {@code country} given (null when the order shipped nowhere). One line: 2 shirts.
     */
    public static StorefrontOrderEvent deliveredToGuest(String orderId, String country, Instant placedAt,
                                                        Instant deliveredAt) {
        StorefrontOrder order = new StorefrontOrder(orderId, null, "invitado@example.mx", null, country, "MXN", List.of(
                new OrderLine(SHIRT, "SKU-SHIRT-M", "Camisa de lino", "apparel", 2, Money.of("499.90", "MXN"), false)),
                placedAt, deliveredAt, null);
        return new StorefrontOrderEvent(UUID.randomUUID().toString(), StorefrontOrderEvent.ORDER_DELIVERED, deliveredAt,
                order);
    }

    public static StorefrontOrderEvent placed(String orderId, Instant at) {
        return new StorefrontOrderEvent(UUID.randomUUID().toString(), StorefrontOrderEvent.ORDER_PLACED, at,
                order(orderId, at, null));
    }

    public static StorefrontOrderEvent delivered(String orderId, Instant placedAt, Instant deliveredAt) {
        return new StorefrontOrderEvent(UUID.randomUUID().toString(), StorefrontOrderEvent.ORDER_DELIVERED, deliveredAt,
                order(orderId, placedAt, deliveredAt));
    }

    /**
     * The same order delivery with every line flagged for review by the storefront: its returns wait in REQUESTED for
     * operations (review rule "flagged by the storefront"), in the default test profile.
     */
    public static StorefrontOrderEvent flaggedForReview(StorefrontOrderEvent event) {
        StorefrontOrder order = event.order();
        List<OrderLine> flagged = order.lines().stream().map(l -> new OrderLine(l.lineId(), l.sku(), l.name(),
                l.category(), l.quantity(), l.unitPrice(), l.finalSale(), l.productId(), true)).toList();
        return new StorefrontOrderEvent(event.eventId(), event.type(), event.occurredAt(), new StorefrontOrder(
                order.orderId(), order.customerId(), order.email(), order.locale(), order.country(), order.currency(),
                flagged, order.placedAt(), order.deliveredAt(), order.cancelledAt()));
    }

    public static byte[] json(StorefrontOrderEvent event) {
        return EventJson.toBytes(event);
    }
}
