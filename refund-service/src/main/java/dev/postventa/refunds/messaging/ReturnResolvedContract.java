package dev.postventa.refunds.messaging;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.Money;
import dev.postventa.events.UndecodableEventException;
import dev.postventa.events.returns.ResolvedLine;
import dev.postventa.events.returns.ReturnResolved;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that a decoded {@link ReturnResolved} holds what a refund and a store credit need. A broken one is a contract
 * violation no retry can fix: it goes to the dead-letter topic instead of failing later with a null pointer, a
 * rounded amount, or more money than the customer paid.
 */
final class ReturnResolvedContract {

    // refund.amount and the ledger's amounts are NUMERIC(19,4): more decimals would be rounded silently.
    private static final int MAX_SCALE = 4;

    private ReturnResolvedContract() {
    }

    static ReturnResolved check(ReturnResolved resolved) {
        List<String> problems = new ArrayList<>();
        if (resolved.returnId() == null) {
            problems.add("returnId is missing");
        }
        if (resolved.orderId() == null || resolved.orderId().isBlank()) {
            problems.add("orderId is missing");
        }
        CustomerContact customer = resolved.customer();
        // No customerId is a guest checkout, refunded (and credited, under its email) like anyone.
        if (customer == null || customer.email() == null || customer.locale() == null || customer.country() == null) {
            problems.add("customer is missing or incomplete (email, locale, country)");
        }
        checkAmount("refundAmount", resolved.refundAmount(), problems);
        checkAmount("creditAmount", resolved.creditAmount(), problems);
        checkAmount("restockingFees", resolved.restockingFees(), problems);
        if (problems.isEmpty() && !(resolved.refundAmount().currency().equals(resolved.creditAmount().currency())
                && resolved.refundAmount().currency().equals(resolved.restockingFees().currency()))) {
            problems.add("refundAmount, creditAmount and restockingFees are in different currencies");
        }
        if (resolved.lines() == null || resolved.lines().isEmpty()) {
            problems.add("there are no resolved lines");
        } else {
            for (ResolvedLine line : resolved.lines()) {
                checkLine(line, problems);
            }
        }
        if (problems.isEmpty()) {
            checkNotMoreThanPaid(resolved, problems);
        }
        if (!problems.isEmpty()) {
            throw new UndecodableEventException("ReturnResolved " + resolved.returnId() + " breaks its contract: "
                    + String.join("; ", problems));
        }
        return resolved;
    }

    private static void checkAmount(String field, Money money, List<String> problems) {
        if (money == null) {
            problems.add(field + " is missing");
        } else if (money.amount().signum() < 0 || money.amount().stripTrailingZeros().scale() > MAX_SCALE) {
            problems.add(field + " is " + money.amount().toPlainString());
        }
    }

    private static void checkLine(ResolvedLine line, List<String> problems) {
        if (line == null || line.unitPrice() == null) {
            problems.add("a line has no unitPrice");
            return;
        }
        // Zero is a line inspection refused entirely: it stays listed, and is worth nothing.
        if (line.acceptedQuantity() < 0) {
            problems.add("line " + line.lineId() + " has acceptedQuantity " + line.acceptedQuantity());
        }
        BigDecimal price = line.unitPrice().amount();
        if (price.signum() < 0 || price.stripTrailingZeros().scale() > MAX_SCALE) {
            problems.add("line " + line.lineId() + " has unitPrice " + price.toPlainString());
        }
    }

    /**
     * Never more money back than was paid for the accepted units: refund plus credit (before the bonus) at most Σ
     * accepted × unit price. Lines in several currencies have no such sum: their refund fails at once (as before
     * resolutions), but credit cannot be issued in one currency for them, so a credit for them is refused here.
     */
    private static void checkNotMoreThanPaid(ReturnResolved resolved, List<String> problems) {
        String currency = resolved.refundAmount().currency();
        boolean mixed = resolved.lines().stream().anyMatch(line -> !line.unitPrice().currency().equals(currency));
        if (mixed) {
            if (resolved.creditAmount().amount().signum() > 0) {
                problems.add("creditAmount is owed for lines in several currencies");
            }
            return;
        }
        BigDecimal paid = resolved.lines().stream()
                .map(line -> line.unitPrice().amount().multiply(BigDecimal.valueOf(line.acceptedQuantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal owed = resolved.refundAmount().amount().add(resolved.creditAmount().amount());
        if (owed.compareTo(paid) > 0) {
            problems.add("refundAmount + creditAmount " + owed.toPlainString() + " is more than the "
                    + paid.toPlainString() + " paid for the accepted units");
        }
    }
}
