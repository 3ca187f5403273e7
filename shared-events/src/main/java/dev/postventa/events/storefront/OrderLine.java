package dev.postventa.events.storefront;

import dev.postventa.events.Money;

/**
 * One line of a storefront order.
 *
 * @param unitPrice what the customer paid for one unit after discounts, in the order's currency
 * @param finalSale true when the line was sold as final sale (not returnable)
 */
public record OrderLine(String lineId, String sku, String name, String category, int quantity, Money unitPrice,
                        boolean finalSale) {
}
