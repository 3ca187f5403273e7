package dev.postventa.refunds.payments;

import dev.postventa.events.Money;

/**
 * What the provider is asked to pay back; also the payload of the scheduled {@code refund-payment} effect.
 *
 * @param idempotencyKey the refund id: the provider pays each key at most once, however often it is asked
 * @param orderId the storefront order whose payment is refunded
 */
public record RefundOrder(String idempotencyKey, String orderId, Money amount) {
}
