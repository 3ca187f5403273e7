package dev.postventa.events;

/**
 * One order line (or part of it) in a return.
 *
 * @param unitPrice what the customer paid for one unit, in the order's currency
 * @param reason one of the documented reason codes of returns-service
 */
public record ReturnedLine(String lineId, @MayBeNull String sku, String name, int quantity, Money unitPrice, String reason) {

    public Money total() {
        return unitPrice.times(quantity);
    }
}
