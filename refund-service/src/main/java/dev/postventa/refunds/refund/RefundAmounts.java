package dev.postventa.refunds.refund;

import dev.postventa.events.Money;
import dev.postventa.events.ReturnedLine;
import java.util.List;
import java.util.Optional;

/** What a received return is worth: what the customer paid for the received lines, in the order's currency. */
public final class RefundAmounts {

    private RefundAmounts() {
    }

    /** Σ unit price × quantity; empty when there are no lines or they do not share one currency. */
    public static Optional<Money> of(List<ReturnedLine> lines) {
        if (lines.isEmpty() || currencies(lines).size() != 1) {
            return Optional.empty();
        }
        return lines.stream().map(ReturnedLine::total).reduce(Money::plus).map(Money::normalized);
    }

    /** The distinct currencies of the lines, in order of appearance. */
    public static List<String> currencies(List<ReturnedLine> lines) {
        return lines.stream().map(line -> line.unitPrice().currency()).distinct().toList();
    }
}
