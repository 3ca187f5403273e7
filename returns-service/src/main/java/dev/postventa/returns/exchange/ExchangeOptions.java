package dev.postventa.returns.exchange;

import dev.postventa.events.Money;
import java.util.List;

/**
 * The replacements a customer may choose for one order line: SKUs in stock, other variants of the same product
 * first, then (when the shop allows it) other products; dearer ones only when the shop takes the difference.
 *
 * @param paidUnitPrice what the customer paid for one unit of the line
 */
public record ExchangeOptions(String orderId, String lineId, String sku, String productId, Money paidUnitPrice,
                              List<Option> options) {

    /**
     * One replacement.
     *
     * @param priceDifference its unit price minus the paid one: positive means the customer pays that much more per
     *     unit, negative that the difference comes back to the customer
     * @param sameProduct true for a variant of the returned product
     */
    public record Option(String sku, String productId, String name, int available, Money unitPrice,
                         Money priceDifference, boolean sameProduct) {
    }
}
