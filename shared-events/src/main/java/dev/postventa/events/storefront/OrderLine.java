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
 * @param productId the storefront's product the SKU is a variant of (exchanges offer its other variants first); null
 *     if unknown. Added within v1.
 * @param reviewFlagged true when the storefront wants a person to review any return of this line (e.g. a line bought
 *     with a high fraud score); added within v1, missing means false
 */
public record OrderLine(String lineId, @MayBeNull String sku, String name, @MayBeNull String category, int quantity,
                        Money unitPrice, boolean finalSale, @MayBeNull String productId, boolean reviewFlagged) {

    /** A line of the contract before exchanges and review flags. */
    public OrderLine(String lineId, String sku, String name, String category, int quantity, Money unitPrice,
                     boolean finalSale) {
        this(lineId, sku, name, category, quantity, unitPrice, finalSale, null, false);
    }
}
