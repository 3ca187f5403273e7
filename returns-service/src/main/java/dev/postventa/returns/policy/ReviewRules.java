package dev.postventa.returns.policy;

import dev.postventa.events.Money;
import dev.postventa.events.ReturnedLine;
import dev.postventa.events.storefront.OrderLine;
import dev.postventa.returns.orders.OrderSnapshot;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The manual-review rules, without a database: which rules a new return of {@code lines} of {@code order} trips,
 * given how many returns the customer asked for recently. Each reason names its rule, for the return's history.
 */
public final class ReviewRules {

    private final Map<String, BigDecimal> highValue;
    private final int serialReturns;
    private final Duration serialWithin;
    private final boolean storefrontFlags;

    public ReviewRules(Map<String, BigDecimal> highValue, int serialReturns, Duration serialWithin,
                       boolean storefrontFlags) {
        this.highValue = Map.copyOf(highValue);
        this.serialReturns = serialReturns;
        this.serialWithin = serialWithin;
        this.storefrontFlags = storefrontFlags;
    }

    public static ReviewRules of(ReviewConfig config) {
        return new ReviewRules(config.highValue(), config.serialReturner().returns(),
                config.serialReturner().within(), config.storefrontFlags());
    }

    /** Whether the serial-returner rule is on (so the caller needs to count the customer's recent returns). */
    public boolean countsRecentReturns() {
        return serialReturns > 0;
    }

    /** How many recent returns make a serial returner (0: the rule is off). */
    public int serialReturns() {
        return serialReturns;
    }

    /** How far back the serial-returner rule counts. */
    public Duration serialWithin() {
        return serialWithin;
    }

    /**
     * The reasons a return waits for operations: a shop that reviews every return by hand
     * ({@code RETURN_AUTO_APPROVE=false}) holds it for that reason first, so the hold is one rule among the others and
     * the return's history says why it waits.
     */
    public static List<String> withAutoApproval(boolean autoApprove, List<String> ruleReasons) {
        if (autoApprove) {
            return ruleReasons;
        }
        List<String> reasons = new ArrayList<>();
        reasons.add("every return is reviewed by operations (RETURN_AUTO_APPROVE=false)");
        reasons.addAll(ruleReasons);
        return reasons;
    }

    /**
     * @param recentReturns the customer's returns created within {@link #serialWithin()} before this one (counting
     *     up to {@link #serialReturns()} is enough)
     * @return the rules that fire, each with why; empty when the return may be approved at once
     */
    public List<String> reasons(OrderSnapshot order, List<ReturnedLine> lines, long recentReturns) {
        List<String> reasons = new ArrayList<>();
        BigDecimal threshold = highValue.get(order.currency);
        if (threshold != null && !lines.isEmpty()) {
            Money total = lines.stream().map(ReturnedLine::total).reduce(Money::plus).orElseThrow();
            if (total.amount().compareTo(threshold) >= 0) {
                reasons.add("high value (" + total.amount().toPlainString() + " " + total.currency()
                        + ", review from " + threshold.toPlainString() + " " + order.currency + ")");
            }
        }
        if (serialReturns > 0 && recentReturns >= serialReturns) {
            reasons.add("serial returner (at least " + serialReturns + " returns in the last "
                    + serialWithin.toDays() + " days)");
        }
        if (storefrontFlags) {
            List<String> flagged = lines.stream().map(ReturnedLine::lineId)
                    .filter(id -> order.line(id).map(OrderLine::reviewFlagged).orElse(false)).toList();
            if (!flagged.isEmpty()) {
                reasons.add("flagged by the storefront (line" + (flagged.size() == 1 ? " " : "s ")
                        + String.join(", ", flagged) + ")");
            }
        }
        return reasons;
    }
}
