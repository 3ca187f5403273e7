package dev.postventa.tracking.carriers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/**
 * The carrier adapters this service has, found by the name a shipment recorded: label creation and label voiding
 * must reach the same carrier that made the label.
 */
@ApplicationScoped
public class CarrierAdapters {

    private final Instance<CarrierPort> carriers;

    CarrierAdapters(Instance<CarrierPort> carriers) {
        this.carriers = carriers;
    }

    /** The adapter named {@code name}; a {@link LabelRefusedException} (permanent) when there is none. */
    public CarrierPort named(String name) {
        return carriers.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new LabelRefusedException("no carrier adapter named " + name));
    }
}
