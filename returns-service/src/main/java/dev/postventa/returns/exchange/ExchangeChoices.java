package dev.postventa.returns.exchange;

import dev.postventa.events.Money;
import dev.postventa.events.storefront.OrderLine;
import dev.postventa.returns.inventory.StockLevel;
import dev.postventa.returns.orders.OrderSnapshot;
import dev.postventa.returns.request.CreateReturnRequest;
import dev.postventa.returns.request.CreateReturnRequest.RequestedLine;
import dev.postventa.returns.request.CreateReturnRequest.Resolution;
import dev.postventa.support.problem.Problem.FieldViolation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of a line's resolution choice, without I/O: what an EXCHANGE must name, and whether its replacement can
 * be had (known, in stock for the returned units, same currency, not dearer unless the shop lets the customer pay
 * the difference). Every refusal names its field, like the return policy's.
 */
public final class ExchangeChoices {

    private ExchangeChoices() {
    }

    /** The replacement prices of the accepted exchange lines (by line id), or the reasons the choices are refused. */
    public record Checked(List<FieldViolation> violations, Map<String, Money> replacementPrices) {

        public Checked {
            violations = List.copyOf(violations);
            replacementPrices = Map.copyOf(replacementPrices);
        }
    }

    /** What the body itself gets wrong (400): an EXCHANGE without its replacement or fallback, or those on another line. */
    public static List<FieldViolation> incomplete(CreateReturnRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        if (request == null || request.lines() == null) {
            return violations;
        }
        for (int i = 0; i < request.lines().size(); i++) {
            RequestedLine line = request.lines().get(i);
            if (line == null) {
                continue;
            }
            String field = "lines[" + i + "]";
            if (line.resolutionOrRefund() == Resolution.EXCHANGE) {
                if (line.replacementSku() == null || line.replacementSku().isBlank()) {
                    violations.add(new FieldViolation(field + ".replacementSku",
                            "is required for an EXCHANGE: the SKU wanted instead"));
                }
                if (line.fallback() == null) {
                    violations.add(new FieldViolation(field + ".fallback", "is required for an EXCHANGE: REFUND or "
                            + "STORE_CREDIT, what applies when the replacement cannot be reserved"));
                }
            } else {
                if (line.replacementSku() != null) {
                    violations.add(new FieldViolation(field + ".replacementSku", "only an EXCHANGE names a replacement"));
                }
                if (line.fallback() != null) {
                    violations.add(new FieldViolation(field + ".fallback", "only an EXCHANGE has a fallback"));
                }
            }
        }
        return violations;
    }

    /** The replacement SKUs the request asks for. */
    public static Set<String> replacementSkus(CreateReturnRequest request) {
        Set<String> skus = new LinkedHashSet<>();
        request.lines().stream().filter(l -> l.resolutionOrRefund() == Resolution.EXCHANGE)
                .forEach(l -> skus.add(l.replacementSku()));
        return skus;
    }

    /**
     * Checks each EXCHANGE line's replacement against the inventory read model ({@code levels}, by SKU). Lines that
     * are not part of the order are left to the return policy, which refuses them.
     */
    public static Checked check(OrderSnapshot order, CreateReturnRequest request, Map<String, StockLevel> levels,
                                boolean allowPayDifference) {
        List<FieldViolation> violations = new ArrayList<>();
        Map<String, Money> prices = new HashMap<>();
        for (int i = 0; i < request.lines().size(); i++) {
            RequestedLine requested = request.lines().get(i);
            Optional<OrderLine> line = order.line(requested.lineId());
            if (requested.resolutionOrRefund() != Resolution.EXCHANGE || line.isEmpty()) {
                continue;
            }
            String field = "lines[" + i + "].replacementSku";
            String sku = requested.replacementSku();
            StockLevel level = levels.get(sku);
            Money paid = line.get().unitPrice();
            if (level == null) {
                violations.add(new FieldViolation(field, "SKU " + sku + " is not sold by the shop"));
            } else if (!level.inStock(requested.quantity())) {
                // The storefront reserves when asked (ExchangeRequested); if the stock is gone by then the fallback
                // applies. This check only keeps the customer from choosing what is already out of stock.
                violations.add(new FieldViolation(field, "SKU " + sku + " is out of stock ("
                        + Math.max(level.available, 0) + " available, " + requested.quantity() + " needed)"));
            } else if (!level.currency.equals(paid.currency())) {
                violations.add(new FieldViolation(field, "SKU " + sku + " is priced in " + level.currency
                        + ", the order was paid in " + paid.currency()));
            } else if (level.price().amount().compareTo(paid.amount()) > 0 && !allowPayDifference) {
                violations.add(new FieldViolation(field, "SKU " + sku + " costs " + level.price().amount() + " "
                        + level.currency + ", more than the " + paid.amount() + " paid; the shop does not take "
                        + "payment of the difference"));
            } else {
                prices.put(requested.lineId(), level.price());
            }
        }
        return new Checked(violations, prices);
    }

    /** What the customer pays on top for {@code quantity} replacements: zero unless the replacement is dearer. */
    public static Money differenceToPay(Money paid, Money replacement, int quantity) {
        if (replacement == null || replacement.amount().compareTo(paid.amount()) <= 0) {
            return Money.zero(paid.currency());
        }
        return new Money(replacement.amount().subtract(paid.amount()), paid.currency()).times(quantity).normalized();
    }
}
