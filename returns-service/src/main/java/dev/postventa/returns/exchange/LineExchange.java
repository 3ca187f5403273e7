package dev.postventa.returns.exchange;

import dev.postventa.events.Money;
import dev.postventa.events.ReturnedLine;
import java.util.List;

/**
 * Where the exchange of one returned line stands, as the customer sees it in the return.
 *
 * @param state {@code CHOSEN} (the return awaits approval), {@code AWAITING_RESERVATION} (the storefront was asked
 *     to reserve the replacement), {@code RESERVED} (held under {@code reservationId}) or {@code FALLBACK_APPLIED}
 *     (it could not be reserved: the line is now settled as {@code resolution}, the customer's fallback)
 */
public record LineExchange(String lineId, String replacementSku, int quantity, Money replacementUnitPrice,
                           String state, String resolution, String fallback, String reservationId) {

    public static final String CHOSEN = "CHOSEN";
    public static final String AWAITING_RESERVATION = "AWAITING_RESERVATION";
    public static final String RESERVED = "RESERVED";
    public static final String FALLBACK_APPLIED = "FALLBACK_APPLIED";

    /** The exchanges of a return's lines (lines that never were exchanges are left out). */
    public static List<LineExchange> of(List<ReturnedLine> lines, boolean approved) {
        return lines.stream().filter(l -> l.replacementSku() != null).map(l -> new LineExchange(l.lineId(),
                l.replacementSku(), l.quantity(), l.replacementUnitPrice(), state(l, approved), l.resolutionOrRefund(),
                l.fallback(), l.reservationId())).toList();
    }

    private static String state(ReturnedLine line, boolean approved) {
        if (!ReturnedLine.EXCHANGE.equals(line.resolution())) {
            return FALLBACK_APPLIED;
        }
        if (line.reservationId() != null) {
            return RESERVED;
        }
        return approved ? AWAITING_RESERVATION : CHOSEN;
    }
}
