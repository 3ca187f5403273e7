package dev.postventa.events.storefront;

import java.time.Instant;

/**
 * Inbound contract: what a storefront publishes to {@value dev.postventa.events.Topics#STOREFRONT_ORDERS}
 * (key = orderId, value = this JSON). Consumed by returns-service, which deduplicates on {@code eventId}.
 *
 * <p>Every event carries the full order snapshot so that events delivered twice or out of order still leave
 * the right state: delivery and cancellation are sticky once seen.
 *
 * <p>Not a {@link dev.postventa.events.DomainEvent}: it is plain JSON written by a system outside the platform,
 * without CloudEvents headers. Contract and mapping from Shopify: {@code shared-events/README.md}.
 *
 * @param eventId unique per event, stable across redeliveries of the same event (the consumer's dedup key)
 * @param type one of {@link #ORDER_PLACED}, {@link #ORDER_DELIVERED}, {@link #ORDER_CANCELLED}
 * @param occurredAt when the change happened at the storefront, UTC; for delivered/cancelled the same instant as
 *     the snapshot's {@code deliveredAt}/{@code cancelledAt}
 * @param order the full order snapshot as of {@code occurredAt}
 */
public record StorefrontOrderEvent(String eventId, String type, Instant occurredAt, StorefrontOrder order) {

    public static final String ORDER_PLACED = "order.placed";
    public static final String ORDER_DELIVERED = "order.delivered";
    public static final String ORDER_CANCELLED = "order.cancelled";
}
