package dev.postventa.returns.exchange;

import dev.postventa.returns.exchange.ExchangeChoices.Checked;
import dev.postventa.returns.inventory.InventoryReadModel;
import dev.postventa.returns.orders.OrderSnapshot;
import dev.postventa.returns.request.CreateReturnRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks a request's exchange choices against the inventory read model, at request time. */
@ApplicationScoped
public class ExchangeCheck {

    private final InventoryReadModel inventory;
    private final ExchangeConfig config;

    ExchangeCheck(InventoryReadModel inventory, ExchangeConfig config) {
        this.inventory = inventory;
        this.config = config;
    }

    public Uni<Checked> check(OrderSnapshot order, CreateReturnRequest request) {
        Set<String> skus = ExchangeChoices.replacementSkus(request);
        if (skus.isEmpty()) {
            // No exchange: no read of the inventory on the path every other return takes.
            return Uni.createFrom().item(new Checked(List.of(), Map.of()));
        }
        return inventory.levels(skus)
                .map(levels -> ExchangeChoices.check(order, request, levels, config.allowPayDifference()));
    }
}
