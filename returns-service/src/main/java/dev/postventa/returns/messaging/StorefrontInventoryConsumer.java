package dev.postventa.returns.messaging;

import dev.postventa.events.EventJson;
import dev.postventa.events.UndecodableEventException;
import dev.postventa.events.storefront.InventoryLevel;
import dev.postventa.returns.inventory.InventoryReadModel;
import dev.postventa.support.inbox.EventDispatcher;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds the storefront's inventory levels (plain JSON, not CloudEvents) into the inventory read model, once per
 * event id; a record that is not an inventory level goes to the dead-letter topic.
 */
@ApplicationScoped
public class StorefrontInventoryConsumer {

    /** The inbox's type of these events (the contract has no type field: the topic says what they are). */
    static final String TYPE = "storefront.inventory.level";

    private final InventoryReadModel inventory;
    private final EventDispatcher dispatcher;

    StorefrontInventoryConsumer(InventoryReadModel inventory, EventDispatcher dispatcher) {
        this.inventory = inventory;
        this.dispatcher = dispatcher;
    }

    @Incoming("storefront-inventory")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return Uni.createFrom().item(() -> parse(record))
                .chain(level -> dispatcher.handleOnce(level.eventId(), TYPE, () -> inventory.apply(level)));
    }

    private static InventoryLevel parse(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            throw new UndecodableEventException("inventory record without a value at offset " + record.offset());
        }
        InventoryLevel level = EventJson.fromBytes(record.value(), InventoryLevel.class);
        require(level.eventId(), "eventId");
        require(level.sku(), "sku");
        require(level.name(), "name");
        require(level.unitPrice(), "unitPrice");
        require(level.updatedAt(), "updatedAt");
        return level;
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new UndecodableEventException("storefront inventory level lacks " + field);
        }
    }
}
