package dev.postventa.events.storefront;

import dev.postventa.events.MayBeNull;
import dev.postventa.events.Money;
import java.time.Instant;

/**
 * Inbound contract: what a storefront publishes to {@value dev.postventa.events.Topics#STOREFRONT_INVENTORY}
 * (key = SKU, value = this JSON) whenever the sellable stock or price of a SKU changes. Consumed by returns-service,
 * which keeps a read model and offers as exchange replacements only SKUs with stock.
 *
 * <p>Each event is the SKU's full level, not a delta, so duplicates are harmless. Events may arrive out of order: a
 * level whose {@code updatedAt} is not later than the one kept for the SKU is ignored. {@code updatedAt} is the
 * storefront's clock and is only ever compared with the storefront's own earlier {@code updatedAt} of the same SKU,
 * never with a platform time. Not a {@link dev.postventa.events.DomainEvent}: plain JSON without CloudEvents headers.
 *
 * @param eventId unique per event, stable across re-sends
 * @param productId the product the SKU is a variant of (variants of one product share it)
 * @param name the variant's display name (e.g. {@code Camisa de lino — talla L})
 * @param available units that can be sold or reserved now; 0 or less means out of stock
 * @param unitPrice the current selling price, taxes as the storefront's prices carry them
 * @param updatedAt when the level was true at the storefront (its clock), an ISO-8601 instant with a zone
 */
public record InventoryLevel(String eventId, String sku, @MayBeNull String productId, String name, int available,
                             Money unitPrice, Instant updatedAt) {
}
