package dev.postventa.returns.inventory;

import dev.postventa.events.storefront.InventoryLevel;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/** Applies the storefront's inventory levels to the read model and answers which SKUs are in stock. */
@ApplicationScoped
public class InventoryReadModel {

    private static final Logger LOG = Logger.getLogger(InventoryReadModel.class);

    private final Clock clock;

    InventoryReadModel(Clock clock) {
        this.clock = clock;
    }

    /** Must run inside a transaction (the inbox's); the SKU's row is locked while the level is compared and taken. */
    public Uni<Void> apply(InventoryLevel level) {
        return StockLevel.<StockLevel>findById(level.sku(), LockModeType.PESSIMISTIC_WRITE).chain(kept -> {
            if (kept == null) {
                return StockLevel.from(level, clock.instant()).persist().replaceWithVoid();
            }
            if (!kept.take(level, clock.instant())) {
                LOG.debugf("inventory level %s of %s (at %s) is not newer than the one kept (at %s): ignored",
                        level.eventId(), level.sku(), level.updatedAt(), kept.updatedAt);
            }
            return Uni.createFrom().voidItem();
        });
    }

    /** The kept levels of these SKUs, by SKU (unknown SKUs are absent). */
    public Uni<Map<String, StockLevel>> levels(Collection<String> skus) {
        if (skus.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return StockLevel.<StockLevel>list("sku in ?1", List.copyOf(skus))
                .map(found -> found.stream().collect(Collectors.toMap(s -> s.sku, Function.identity())));
    }

    /** Other SKUs of {@code productId} in stock, priced in {@code currency}, by name. */
    public Uni<List<StockLevel>> variantsInStock(String productId, String exceptSku, String currency, int max) {
        if (productId == null) {
            return Uni.createFrom().item(List.of());
        }
        return StockLevel.<StockLevel>find("productId = ?1 and sku <> ?2 and available > 0 and currency = ?3 "
                        + "order by name, sku", productId, exceptSku, currency).page(0, max).list();
    }

    /** SKUs of other products than {@code productId} (any product when null) in stock, priced in {@code currency}. */
    public Uni<List<StockLevel>> otherProductsInStock(String productId, String exceptSku, String currency, int max) {
        if (max <= 0) {
            return Uni.createFrom().item(List.of());
        }
        if (productId == null) {
            return StockLevel.<StockLevel>find("sku <> ?1 and available > 0 and currency = ?2 order by name, sku",
                    exceptSku, currency).page(0, max).list();
        }
        return StockLevel.<StockLevel>find("(productId is null or productId <> ?1) and sku <> ?2 and available > 0 "
                + "and currency = ?3 order by name, sku", productId, exceptSku, currency).page(0, max).list();
    }
}
