package dev.postventa.events.storefront;

import dev.postventa.events.MayBeNull;
import dev.postventa.events.Money;

/**
 * One line of a storefront order.
 *
 * @param lineId the storefront's id of the line, unique within the order; {@code ReturnedLine.lineId} refers to it
 * @param category the storefront's product category (e.g. {@code apparel}), which return rules may use; null if unknown
 * @param unitPrice what the customer paid for one unit after line discounts, in the order's currency, taxes as the
 *     storefront's prices carry them (VAT-inclusive in MX/BR/ES)
 * @param finalSale true when the line was sold as final sale (not returnable)
 */
public record OrderLine(String lineId, @MayBeNull String sku, String name, @MayBeNull String category, int quantity, Money unitPrice,
                        boolean finalSale) {
}
