package dev.postventa.refunds.messaging;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.ReturnedLine;
import dev.postventa.events.UndecodableEventException;
import dev.postventa.events.returns.ReturnReceived;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that a decoded {@link ReturnReceived} holds what a refund needs. A broken one is a contract violation no
 * retry can fix: it goes to the dead-letter topic instead of failing later with a null pointer or a rounded amount.
 */
final class ReturnReceivedContract {

    // refund.amount is NUMERIC(19,4): more decimals would be rounded silently.
    private static final int MAX_SCALE = 4;

    private ReturnReceivedContract() {
    }

    static ReturnReceived check(ReturnReceived received) {
        List<String> problems = new ArrayList<>();
        if (received.returnId() == null) {
            problems.add("returnId is missing");
        }
        if (received.orderId() == null || received.orderId().isBlank()) {
            problems.add("orderId is missing");
        }
        CustomerContact customer = received.customer();
        // No customerId is a guest checkout, refunded like anyone (the storefront contract allows it).
        if (customer == null || customer.email() == null || customer.locale() == null || customer.country() == null) {
            problems.add("customer is missing or incomplete (email, locale, country)");
        }
        if (received.lines() == null || received.lines().isEmpty()) {
            problems.add("there are no received lines");
        } else {
            for (ReturnedLine line : received.lines()) {
                checkLine(line, problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new UndecodableEventException("ReturnReceived " + received.returnId() + " breaks its contract: "
                    + String.join("; ", problems));
        }
        return received;
    }

    private static void checkLine(ReturnedLine line, List<String> problems) {
        if (line == null || line.unitPrice() == null) {
            problems.add("a line has no unitPrice");
            return;
        }
        if (line.quantity() <= 0) {
            problems.add("line " + line.lineId() + " has quantity " + line.quantity());
        }
        BigDecimal price = line.unitPrice().amount();
        if (price.signum() < 0 || price.stripTrailingZeros().scale() > MAX_SCALE) {
            problems.add("line " + line.lineId() + " has unitPrice " + price.toPlainString());
        }
    }
}
