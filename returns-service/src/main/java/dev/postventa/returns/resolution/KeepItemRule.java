package dev.postventa.returns.resolution;

import dev.postventa.events.ReturnedLine;
import dev.postventa.events.storefront.OrderLine;
import dev.postventa.returns.orders.OrderSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Decides, when a return is requested, which lines the customer keeps: a line worth less than the threshold that
 * applies to it (category, else country, else currency; see {@link KeepItemConfig}). Also copies the order line's
 * category onto the returned line, which the inspection rules read.
 */
@ApplicationScoped
public class KeepItemRule {

    private final Map<String, BigDecimal> byCurrency;
    private final Map<String, Map<String, BigDecimal>> byCategory;
    private final Map<String, Map<String, BigDecimal>> byCountry;

    @Inject
    KeepItemRule(KeepItemConfig config) {
        this(config.threshold(), config.category(), config.country());
    }

    public KeepItemRule(Map<String, BigDecimal> byCurrency, Map<String, Map<String, BigDecimal>> byCategory,
                        Map<String, Map<String, BigDecimal>> byCountry) {
        this.byCurrency = Map.copyOf(byCurrency);
        this.byCategory = Map.copyOf(byCategory);
        this.byCountry = Map.copyOf(byCountry);
    }

    /** Marks the lines of a new return of {@code order}: category from the order, {@code kept} by threshold. */
    public UnaryOperator<ReturnedLine> markerFor(OrderSnapshot order) {
        String country = order.contact == null ? null : order.contact.country;
        return line -> {
            String category = line.category() != null ? line.category()
                    : order.line(line.lineId()).map(OrderLine::category).orElse(null);
            boolean kept = line.kept() || keeps(line.total().amount(), line.unitPrice().currency(), category, country);
            return new ReturnedLine(line.lineId(), line.sku(), line.name(), line.quantity(), line.unitPrice(),
                    line.reason(), category, line.resolution(), line.fallback(), line.replacementSku(),
                    line.replacementUnitPrice(), line.reservationId(), kept);
        };
    }

    /** True when a line worth {@code value} in {@code currency} is under the threshold that applies to it. */
    public boolean keeps(BigDecimal value, String currency, String category, String country) {
        return threshold(currency, category, country).map(limit -> value.compareTo(limit) < 0).orElse(false);
    }

    private Optional<BigDecimal> threshold(String currency, String category, String country) {
        return Optional.ofNullable(category).map(byCategory::get).map(perCurrency -> perCurrency.get(currency))
                .or(() -> Optional.ofNullable(country).map(byCountry::get).map(perCurrency -> perCurrency.get(currency)))
                .or(() -> Optional.ofNullable(byCurrency.get(currency)));
    }
}
