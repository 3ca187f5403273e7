package dev.postventa.events.returns;

import dev.postventa.events.MayBeNull;
import dev.postventa.events.Money;

/**
 * How one line of a return is settled.
 *
 * @param acceptedQuantity units settled (after inspection; all of them for a kept line)
 * @param unitPrice what the customer paid for one unit
 * @param resolution {@code REFUND}, {@code STORE_CREDIT} or {@code EXCHANGE} (a reserved replacement)
 * @param replacementSku for an {@code EXCHANGE}, the reserved replacement; null otherwise
 * @param restockingFee deducted from this line (zero when none)
 * @param amount what this line pays back: for a refund or credit {@code acceptedQuantity × unitPrice −
 *     restockingFee}; for an exchange the price difference of a cheaper replacement (zero otherwise), paid back the way
 *     the line's fallback says. Never negative.
 * @param settledAs how {@code amount} is paid: {@code REFUND} or {@code STORE_CREDIT}
 */
public record ResolvedLine(String lineId, @MayBeNull String sku, String name, int acceptedQuantity, Money unitPrice,
                           String resolution, @MayBeNull String replacementSku, Money restockingFee, Money amount,
                           String settledAs) {
}
