package dev.postventa.tracking.shipment;

import dev.postventa.support.effect.Attempt;
import io.smallrye.mutiny.Uni;
import java.util.UUID;

/** The shipment a carrier effect is about (its key is the return id), row-locked for recording the outcome. */
final class EffectShipments {

    private EffectShipments() {
    }

    static Uni<Shipment> lockedShipmentOf(Attempt attempt) {
        UUID returnId = UUID.fromString(attempt.key());
        return Shipment.lockedOfReturn(returnId).onItem().ifNull().failWith(() -> new IllegalStateException(
                "effect " + attempt.kind() + "/" + attempt.key() + " has no shipment"));
    }
}
