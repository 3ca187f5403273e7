package dev.postventa.refunds.payments;

/**
 * The provider's acceptance of a refund.
 *
 * @param reference the provider's id of the refund (what support quotes to the provider), the same for every call
 *                  with the same idempotency key
 */
public record ProviderRefund(String reference) {
}
