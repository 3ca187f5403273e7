package dev.postventa.returns.kpi;

import dev.postventa.returns.feedback.FeedbackKpis;
import java.time.LocalDate;
import java.util.List;

/**
 * The answer of {@code GET /ops/kpis}: the returns requested in {@code [from, to)} by status and by group, the return
 * rate against the units of orders placed in the same range, the times to label, receipt and refund, and the
 * satisfaction survey answers received in the range.
 */
public record KpiView(LocalDate from, LocalDate to, Returns returns, List<Group> byReason, List<Group> byCategory,
                      List<Group> bySku, List<Group> byCountry, ReturnRate returnRate, Durations timeToLabel,
                      Durations timeToReceipt, Durations timeToRefund, FeedbackKpis.View feedback) {

    /** The same figures with the survey answers of the range (package {@code feedback}). */
    public KpiView withFeedback(FeedbackKpis.View answers) {
        return new KpiView(from, to, returns, byReason, byCategory, bySku, byCountry, returnRate, timeToLabel,
                timeToReceipt, timeToRefund, answers);
    }

    /** Returns requested in the range: approved = APPROVED or later, units = every line's quantity. */
    public record Returns(long requested, long approved, long rejected, long received, long units) {
    }

    /** One group (a reason, category, SKU or country): returns with lines in it and their units. */
    public record Group(String key, long returns, long units, long approved, long rejected, long received) {
    }

    /** Units of non-rejected returns requested in the range over units of orders placed in the range. */
    public record ReturnRate(long returnedUnits, long soldUnits, double rate) {

        public static ReturnRate of(long returnedUnits, long soldUnits) {
            return new ReturnRate(returnedUnits, soldUnits, soldUnits == 0 ? 0 : (double) returnedUnits / soldUnits);
        }
    }

    /** Percentiles of a span in seconds; null when {@code count} is 0. */
    public record Durations(long count, Double p50Seconds, Double p90Seconds, Double p99Seconds) {
    }
}
