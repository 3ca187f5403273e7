package dev.postventa.returns.resolution;

import dev.postventa.events.Money;
import dev.postventa.events.ReturnedLine;
import dev.postventa.events.returns.InspectedLine;
import dev.postventa.events.returns.ResolvedLine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a return is settled, computed from its lines and what inspection accepted; pure (no clock, no database).
 *
 * <p>Per line: kept lines count every unit as accepted, with no fee; shipped lines take the inspection's accepted
 * quantity and restocking fee. A {@code REFUND} or {@code STORE_CREDIT} line pays {@code accepted × unit price − fee}
 * back that way. An {@code EXCHANGE} line with a reservation ships its replacement and pays back the difference of a
 * cheaper replacement ({@code max(0, unit price − replacement price) × accepted − fee}) the way its fallback says; an
 * exchange without a reservation at settlement, or with nothing accepted, does not ship: its fallback applies (the
 * whole accepted value, or nothing) and a {@link Fallback} tells why. No amount is ever negative.
 *
 * @param refundAmount the sum of the lines settled as {@code REFUND}
 * @param creditAmount the sum of the lines settled as {@code STORE_CREDIT}, before any bonus
 * @param restockingFees the sum of the fees deducted
 * @param fallbacks exchanges whose fallback applied at settlement
 */
public record Settlement(List<ResolvedLine> lines, Money refundAmount, Money creditAmount, Money restockingFees,
                         List<Fallback> fallbacks) {

    /** Reason given when an exchange had no reservation by the time the return was settled. */
    public static final String NO_RESERVATION = "no reservation before settlement";
    /** Reason given when inspection accepted no unit of an exchanged line. */
    public static final String NOTHING_ACCEPTED = "nothing accepted on inspection";

    /** An exchanged line settled by its fallback instead. */
    public record Fallback(String lineId, String replacementSku, String fallback, String reason) {
    }

    /**
     * @param inspected the inspection of each shipped line by line id (empty when every line is kept)
     * @param keptByCustomer every line is kept: nothing was inspected
     * @throws IllegalArgumentException when a shipped line has no inspection
     */
    public static Settlement settle(List<ReturnedLine> lines, Map<String, InspectedLine> inspected,
                                    boolean keptByCustomer) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a return without lines cannot be settled");
        }
        String currency = lines.get(0).unitPrice().currency();
        Money zero = Money.zero(currency);
        List<ResolvedLine> resolved = new ArrayList<>();
        List<Fallback> fallbacks = new ArrayList<>();
        Money refund = zero;
        Money credit = zero;
        Money fees = zero;
        for (ReturnedLine line : lines) {
            int accepted;
            Money fee;
            if (line.kept() || keptByCustomer) {
                accepted = line.quantity();
                fee = zero;
            } else {
                InspectedLine inspection = inspected.get(line.lineId());
                if (inspection == null) {
                    throw new IllegalArgumentException("line " + line.lineId() + " was shipped but not inspected");
                }
                accepted = inspection.acceptedQuantity();
                fee = inspection.restockingFee();
            }
            ResolvedLine settled = settleLine(line, accepted, fee, zero, fallbacks);
            resolved.add(settled);
            if (ReturnedLine.STORE_CREDIT.equals(settled.settledAs())) {
                credit = credit.plus(settled.amount());
            } else {
                refund = refund.plus(settled.amount());
            }
            fees = fees.plus(settled.restockingFee());
        }
        return new Settlement(List.copyOf(resolved), refund, credit, fees, List.copyOf(fallbacks));
    }

    private static ResolvedLine settleLine(ReturnedLine line, int accepted, Money fee, Money zero,
                                           List<Fallback> fallbacks) {
        String asked = line.resolutionOrRefund();
        if (!ReturnedLine.EXCHANGE.equals(asked)) {
            return resolvedLine(line, accepted, asked, null, fee, line.unitPrice().times(accepted), asked, zero);
        }
        String fallback = line.fallback() == null ? ReturnedLine.REFUND : line.fallback();
        if (accepted == 0 || line.reservationId() == null) {
            fallbacks.add(new Fallback(line.lineId(), line.replacementSku(), fallback,
                    accepted == 0 ? NOTHING_ACCEPTED : NO_RESERVATION));
            return resolvedLine(line, accepted, fallback, null, fee, line.unitPrice().times(accepted), fallback, zero);
        }
        BigDecimal replacement = line.replacementUnitPrice() == null ? line.unitPrice().amount()
                : line.replacementUnitPrice().amount();
        BigDecimal difference = line.unitPrice().amount().subtract(replacement).max(BigDecimal.ZERO);
        Money owed = new Money(difference, zero.currency()).times(accepted);
        return resolvedLine(line, accepted, ReturnedLine.EXCHANGE, line.replacementSku(), fee, owed, fallback, zero);
    }

    private static ResolvedLine resolvedLine(ReturnedLine line, int accepted, String resolution, String replacementSku,
                                             Money fee, Money gross, String settledAs, Money zero) {
        int scale = zero.amount().scale();
        // A fee never takes more than the line pays back (e.g. the small difference of a cheaper replacement).
        BigDecimal deducted = fee.amount().min(gross.amount()).max(BigDecimal.ZERO).setScale(scale, RoundingMode.HALF_UP);
        BigDecimal net = gross.amount().subtract(deducted).setScale(scale, RoundingMode.HALF_UP);
        return new ResolvedLine(line.lineId(), line.sku(), line.name(), accepted, line.unitPrice(), resolution,
                replacementSku, new Money(deducted, zero.currency()), new Money(net, zero.currency()), settledAs);
    }
}
