package dev.postventa.returns.exchange;

import dev.postventa.events.Money;
import dev.postventa.events.storefront.OrderLine;
import dev.postventa.returns.inventory.InventoryReadModel;
import dev.postventa.returns.inventory.StockLevel;
import dev.postventa.returns.orders.OrderSnapshot;
import dev.postventa.support.problem.Problem.FieldViolation;
import dev.postventa.support.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Lists the replacements in stock for a line of an order, from the inventory read model. */
@ApplicationScoped
public class ExchangeOptionsService {

    private final InventoryReadModel inventory;
    private final ExchangeConfig config;

    ExchangeOptionsService(InventoryReadModel inventory, ExchangeConfig config) {
        this.inventory = inventory;
        this.config = config;
    }

    public Uni<ExchangeOptions> options(String orderId, String lineId) {
        return Panache.withSession(() -> OrderSnapshot.<OrderSnapshot>findById(orderId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Order", orderId))
                .chain(order -> {
                    OrderLine line = order.line(lineId).orElseThrow(() -> ProblemException.unprocessable(
                            "exchange-not-possible", "No exchange for this line", List.of(new FieldViolation(
                                    "lineId", "line " + lineId + " is not part of order " + orderId))));
                    // A null SKU would make "sku <> ?" match nothing in SQL: compare with a value no SKU has.
                    String except = Objects.requireNonNullElse(line.sku(), "");
                    int max = config.maxOptions();
                    return inventory.variantsInStock(line.productId(), except, order.currency, max)
                            .chain(variants -> otherProducts(line, except, order.currency, max - variants.size())
                                    .map(others -> view(order, line, variants, others)));
                }));
    }

    private Uni<List<StockLevel>> otherProducts(OrderLine line, String except, String currency, int max) {
        if (!config.anyProduct()) {
            return Uni.createFrom().item(List.of());
        }
        return inventory.otherProductsInStock(line.productId(), except, currency, max);
    }

    private ExchangeOptions view(OrderSnapshot order, OrderLine line, List<StockLevel> variants,
                                 List<StockLevel> others) {
        List<ExchangeOptions.Option> options = new ArrayList<>();
        variants.forEach(s -> option(line, s, true, options));
        others.forEach(s -> option(line, s, false, options));
        return new ExchangeOptions(order.orderId, line.lineId(), line.sku(), line.productId(), line.unitPrice(),
                options);
    }

    private void option(OrderLine line, StockLevel stock, boolean sameProduct, List<ExchangeOptions.Option> into) {
        Money paid = line.unitPrice();
        Money difference = new Money(stock.price().amount().subtract(paid.amount()), paid.currency()).normalized();
        if (difference.amount().signum() > 0 && !config.allowPayDifference()) {
            return; // it would be refused at request time: not offered
        }
        into.add(new ExchangeOptions.Option(stock.sku, stock.productId, stock.name, stock.available, stock.price(),
                difference, sameProduct));
    }
}
