package dev.postventa.refunds.credit;

import java.math.BigDecimal;

/**
 * The storefront spends store credit: whose ({@code customerId}, or {@code email} for a guest), how much in which
 * currency, and its own reference (an order or cart id).
 */
public record RedeemStoreCredit(String customerId, String email, String currency, BigDecimal amount,
                                String reference) {
}
