package dev.postventa.returns.kpi;

import dev.postventa.events.ReturnedLine;
import dev.postventa.events.storefront.OrderLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The units of a return per (reason, category): what the {@code postventa_return_units_total} counter is incremented
 * by. The category is the order line's ({@code unknown} when the storefront gave none or the line is not found),
 * the same rule as the KPI API's.
 */
public record ReturnUnits(String reason, String category, int units) {

    public static final String UNKNOWN = "unknown";

    public static List<ReturnUnits> of(List<ReturnedLine> returned, List<OrderLine> orderLines) {
        Map<List<String>, Integer> units = new LinkedHashMap<>();
        for (ReturnedLine line : returned) {
            String category = orderLines == null ? null : orderLines.stream()
                    .filter(o -> o.lineId().equals(line.lineId())).findFirst().map(OrderLine::category).orElse(null);
            units.merge(List.of(orElseUnknown(line.reason()), orElseUnknown(category)), line.quantity(), Integer::sum);
        }
        List<ReturnUnits> result = new ArrayList<>();
        units.forEach((key, sum) -> result.add(new ReturnUnits(key.get(0), key.get(1), sum)));
        return result;
    }

    /** Units sold per category of an order's lines. */
    public static Map<String, Integer> soldByCategory(List<OrderLine> orderLines) {
        Map<String, Integer> sold = new LinkedHashMap<>();
        for (OrderLine line : orderLines) {
            sold.merge(orElseUnknown(line.category()), line.quantity(), Integer::sum);
        }
        return sold;
    }

    static String orElseUnknown(String value) {
        return value == null || value.isBlank() ? UNKNOWN : value;
    }
}
