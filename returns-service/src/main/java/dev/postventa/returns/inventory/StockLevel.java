package dev.postventa.returns.inventory;

import dev.postventa.events.Money;
import dev.postventa.events.storefront.InventoryLevel;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * returns-service's copy of the storefront's stock and price of one SKU (the latest level seen), fed by
 * {@code storefront.inventory}; {@link #take} decides whether a level is newer than the one kept.
 */
@Entity
@Table(name = "inventory_level")
public class StockLevel extends PanacheEntityBase {

    @Id
    public String sku;
    @Column(name = "product_id")
    public String productId;
    public String name;
    public int available;
    @Column(name = "unit_price")
    public BigDecimal unitPrice;
    public String currency;
    /** The storefront's clock: compared only with the storefront's own earlier {@code updatedAt} of this SKU. */
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** The storefront event the level comes from. */
    @Column(name = "event_id")
    public String eventId;
    /** When this service took the level in (our clock). */
    @Column(name = "received_at")
    public Instant receivedAt;

    public static StockLevel from(InventoryLevel level, Instant now) {
        StockLevel created = new StockLevel();
        created.sku = level.sku();
        created.describeFrom(level, now);
        return created;
    }

    /**
     * Takes {@code level} when it is later than the one kept, by the storefront's own clock (levels may arrive out of
     * order or twice: each is a full level, so keeping the latest is all that is needed).
     *
     * @return false when the level is not newer and was ignored
     */
    public boolean take(InventoryLevel level, Instant now) {
        if (!sku.equals(level.sku())) {
            throw new IllegalArgumentException("level " + level.eventId() + " is about " + level.sku() + ", not " + sku);
        }
        if (!level.updatedAt().isAfter(updatedAt)) {
            return false;
        }
        describeFrom(level, now);
        return true;
    }

    public boolean inStock(int units) {
        return available >= units && available > 0;
    }

    public Money price() {
        return new Money(unitPrice, currency).normalized();
    }

    private void describeFrom(InventoryLevel level, Instant now) {
        productId = level.productId();
        name = level.name();
        available = level.available();
        unitPrice = level.unitPrice().amount();
        currency = level.unitPrice().currency();
        updatedAt = level.updatedAt();
        eventId = level.eventId();
        receivedAt = now;
    }
}
