package dev.postventa.returns.inspection;

import dev.postventa.events.Money;
import dev.postventa.events.returns.InspectedLine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The restocking fee of an inspected line: a percentage of the accepted units' value, per category and per grade;
 * when both apply the larger percentage is deducted. Never more than the accepted value; zero when nothing was
 * accepted (e.g. MISSING). Pure: built from the settings, unit-tested without Quarkus.
 */
public class RestockingFees {

    private final Map<String, BigDecimal> byCategory;
    private final Map<String, BigDecimal> byGrade;

    public RestockingFees(Map<String, String> byCategory, Map<String, String> byGrade) {
        this.byCategory = percentages("category", byCategory);
        this.byGrade = percentages("grade", byGrade);
    }

    /** The fee for {@code accepted} units at {@code unitPrice} of a line in {@code category} graded {@code grade}. */
    public Money fee(String category, String grade, Money unitPrice, int accepted) {
        Money zero = Money.zero(unitPrice.currency());
        if (accepted <= 0) {
            return zero;
        }
        BigDecimal percent = Optional.ofNullable(category).map(byCategory::get).orElse(BigDecimal.ZERO)
                .max(byGrade.getOrDefault(grade, BigDecimal.ZERO));
        BigDecimal value = unitPrice.amount().multiply(BigDecimal.valueOf(accepted));
        BigDecimal fee = value.multiply(percent).divide(BigDecimal.valueOf(100))
                .setScale(zero.amount().scale(), RoundingMode.HALF_UP).min(value);
        return new Money(fee.setScale(zero.amount().scale(), RoundingMode.HALF_UP), unitPrice.currency());
    }

    private static Map<String, BigDecimal> percentages(String what, Map<String, String> settings) {
        Map<String, BigDecimal> parsed = new HashMap<>();
        settings.forEach((key, value) -> {
            String number = value.strip().endsWith("%") ? value.strip().substring(0, value.strip().length() - 1)
                    : value.strip();
            BigDecimal percent;
            try {
                percent = new BigDecimal(number.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("restocking fee for " + what + " " + key + " is not a percentage: "
                        + value, e);
            }
            if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException("restocking fee for " + what + " " + key
                        + " must be between 0% and 100%: " + value);
            }
            parsed.put(key, percent);
        });
        if (parsed.containsKey(InspectedLine.MISSING)) {
            // Nothing was accepted of a missing line, so there is nothing to take a fee from.
            parsed.remove(InspectedLine.MISSING);
        }
        return Map.copyOf(parsed);
    }
}
