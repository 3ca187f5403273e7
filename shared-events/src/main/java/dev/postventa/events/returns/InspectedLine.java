package dev.postventa.events.returns;

import dev.postventa.events.MayBeNull;
import dev.postventa.events.Money;

/**
 * What the warehouse found for one returned line.
 *
 * @param expectedQuantity the units the return announced
 * @param acceptedQuantity the units accepted for settlement (0..expectedQuantity)
 * @param grade {@code RESELLABLE}, {@code DAMAGED}, {@code MISSING} or {@code WRONG_ITEM}; for an automatic acceptance
 *     {@code RESELLABLE}
 * @param note the inspector's words for the customer; null when none
 * @param restockingFee deducted from what is settled for this line (zero when none), in the order's currency
 */
public record InspectedLine(String lineId, @MayBeNull String sku, String name, int expectedQuantity,
                            int acceptedQuantity, String grade, @MayBeNull String note, Money restockingFee) {

    public static final String RESELLABLE = "RESELLABLE";
    public static final String DAMAGED = "DAMAGED";
    public static final String MISSING = "MISSING";
    public static final String WRONG_ITEM = "WRONG_ITEM";
}
