package dev.postventa.events;

/**
 * One order line (or part of it) in a return, with what the customer asked to get for it.
 *
 * <p>The fields after {@code reason} were added within v1 (additive): a producer before them leaves them out, and a
 * reader takes a missing {@code resolution} as {@code REFUND} and a missing {@code kept} as false.
 *
 * @param unitPrice what the customer paid for one unit, in the order's currency
 * @param reason one of the documented reason codes of returns-service
 * @param category the storefront's category of the line (return rules use it); null if unknown
 * @param resolution what the customer asked for: {@code REFUND} (to the original payment), {@code STORE_CREDIT}
 *     or {@code EXCHANGE}; null from producers before resolutions, meaning {@code REFUND}
 * @param fallback for an {@code EXCHANGE}: {@code REFUND} or {@code STORE_CREDIT}, what applies when the replacement
 *     cannot be reserved; null otherwise
 * @param replacementSku for an {@code EXCHANGE}: the SKU the customer wants instead; null otherwise
 * @param replacementUnitPrice for an {@code EXCHANGE}: the replacement's unit price when it was chosen (the
 *     storefront's inventory feed), in the order's currency; null otherwise
 * @param reservationId for an {@code EXCHANGE}: the storefront's reservation once it held the replacement; null
 *     before that, or when it could not (then {@code resolution} is the fallback)
 * @param kept true when the customer keeps the item (its value is under the shop's keep-the-item threshold): it is
 *     settled without being shipped back
 */
public record ReturnedLine(String lineId, @MayBeNull String sku, String name, int quantity, Money unitPrice,
                           String reason, @MayBeNull String category, @MayBeNull String resolution,
                           @MayBeNull String fallback, @MayBeNull String replacementSku,
                           @MayBeNull Money replacementUnitPrice, @MayBeNull String reservationId, boolean kept) {

    public static final String REFUND = "REFUND";
    public static final String STORE_CREDIT = "STORE_CREDIT";
    public static final String EXCHANGE = "EXCHANGE";

    /** A line to be refunded to the original payment (the contract before resolutions). */
    public ReturnedLine(String lineId, String sku, String name, int quantity, Money unitPrice, String reason) {
        this(lineId, sku, name, quantity, unitPrice, reason, null, REFUND, null, null, null, null, false);
    }

    public Money total() {
        return unitPrice.times(quantity);
    }

    /** The resolution asked for; {@code REFUND} when a producer before resolutions left it out. */
    public String resolutionOrRefund() {
        return resolution == null ? REFUND : resolution;
    }
}
