package dev.postventa.events.storefront;

import dev.postventa.events.MayBeNull;
import java.time.Instant;
import java.util.List;

/**
 * The storefront's snapshot of an order, carried by every {@link StorefrontOrderEvent}.
 *
 * @param locale BCP 47 language tag the customer shopped in ({@code es-MX}, {@code pt-BR}, {@code es-ES}, {@code en})
 * @param country ISO 3166-1 alpha-2 shipping country
 * @param currency ISO 4217 currency of every price in the order
 * @param deliveredAt when the order reached the customer; null until delivered
 * @param cancelledAt when the order was cancelled; null unless cancelled
 */
public record StorefrontOrder(String orderId, @MayBeNull String customerId, String email,
                              @MayBeNull String locale, @MayBeNull String country, String currency,
                              List<OrderLine> lines, @MayBeNull Instant placedAt, @MayBeNull Instant deliveredAt,
                              @MayBeNull Instant cancelledAt) {
}
