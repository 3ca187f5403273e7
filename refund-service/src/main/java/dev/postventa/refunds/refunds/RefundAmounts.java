package dev.postventa.refunds.refunds;

import dev.postventa.events.Money;
import dev.postventa.events.ReturnedLine;
import java.util.List;
import java.util.Optional;

/** What a received return is worth: what the customer paid for the received lines, in the order's currency. */
public final class RefundAmounts {

    private RefundAmounts() {
    }

    /** Empty when the lines do not share one currency (a data problem no retry can fix). */
    public static Optional<Money> of(List<ReturnedLine> lines) {
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        String currency = lines.get(0).unitPrice().currency();
        if (lines.stream().anyMatch(l -> !l.unitPrice().currency().equals(currency))) {
            return Optional.empty();
        }
        return lines.stream().map(ReturnedLine::total).reduce(Money::plus);
    }
}
