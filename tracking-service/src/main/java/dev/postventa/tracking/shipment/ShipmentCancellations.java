package dev.postventa.tracking.shipment;

import dev.postventa.events.returns.ReturnCancelled;
import dev.postventa.support.effect.Effects;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * A cancelled return's shipment: marked cancelled, and its label's void owed to {@link LabelVoids} in the same
 * (inbox) transaction. A return cancelled before it had a shipment (before approval, or kept by the customer) has
 * nothing to void; a cancellation delivered again changes nothing.
 */
@ApplicationScoped
public class ShipmentCancellations {

    private static final Logger LOG = Logger.getLogger(ShipmentCancellations.class);

    private final Effects effects;
    private final Clock clock;

    ShipmentCancellations(Effects effects, Clock clock) {
        this.effects = effects;
        this.clock = clock;
    }

    public Uni<Void> cancel(ReturnCancelled cancelled) {
        return Shipment.lockedOfReturn(cancelled.returnId()).chain(shipment -> {
            if (shipment == null) {
                LOG.infof("return %s was cancelled without a shipment: no label to void", cancelled.returnId());
                return Uni.createFrom().voidItem();
            }
            if (shipment.isCancelled()) {
                LOG.infof("return %s was cancelled again; its label void is %s: nothing to do", cancelled.returnId(),
                        shipment.voidState);
                return Uni.createFrom().voidItem();
            }
            shipment.cancel(clock.instant());
            LOG.infof("return %s is cancelled: the label of shipment %s (label %s) is to be voided",
                    cancelled.returnId(), shipment.id, shipment.labelState);
            return effects.schedule(LabelVoids.KIND, LabelVoids.keyOf(shipment.returnId), null).replaceWithVoid();
        });
    }
}
