package dev.postventa.tracking.shipment;

import dev.postventa.events.DomainEvent;
import dev.postventa.support.effect.Attempt;
import dev.postventa.support.effect.EffectHandler;
import dev.postventa.tracking.carriers.CarrierAdapters;
import dev.postventa.tracking.carriers.CarrierPort;
import dev.postventa.tracking.carriers.LabelRefusedException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Voids the carrier label of a cancelled return's shipment after the cancellation committed: the effect
 * {@value #KIND}, keyed by the return id (the key the label was created with, passed to the carrier again), retried
 * on the worker's schedule like the label itself. While the label is still being made the attempt fails and is
 * retried, so a label that arrives late is voided too; a label that was never made needs no void.
 */
@ApplicationScoped
public class LabelVoids implements EffectHandler<Boolean> {

    public static final String KIND = "carrier-label-void";
    private static final Logger LOG = Logger.getLogger(LabelVoids.class);

    private final CarrierAdapters carriers;
    private final Clock clock;

    LabelVoids(CarrierAdapters carriers, Clock clock) {
        this.carriers = carriers;
        this.clock = clock;
    }

    /** The effect key of voiding {@code returnId}'s label: the label's own key. */
    public static String keyOf(UUID returnId) {
        return CarrierLabels.keyOf(returnId);
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** True when the carrier voided a label, false when none was ever made. */
    @Override
    public Uni<Boolean> perform(Attempt attempt) {
        UUID returnId = UUID.fromString(attempt.key());
        return Panache.withSession(() -> Shipment.ofReturn(returnId)).chain(shipment -> {
            if (shipment == null) {
                return Uni.createFrom().failure(new IllegalStateException("return " + returnId + " has no shipment"));
            }
            return switch (shipment.labelState) {
                case PENDING -> Uni.createFrom().failure(new IllegalStateException("the label of return " + returnId
                        + " is still being made: voided once it exists"));
                case FAILED -> Uni.createFrom().item(false);
                case CREATED -> carrier(shipment.carrier).voidLabel(attempt.key(), shipment.trackingNumber)
                        .replaceWith(true);
            };
        });
    }

    @Override
    public Uni<List<DomainEvent>> succeeded(Attempt attempt, Boolean voided) {
        return shipmentOf(attempt).map(shipment -> {
            LOG.infof("return %s is cancelled: %s", shipment.returnId, voided
                    ? "label " + shipment.trackingNumber + " voided at " + shipment.carrier
                    : "no label was made, none to void");
            return shipment.voidSettled(voided, clock.instant());
        });
    }

    @Override
    public Uni<List<DomainEvent>> failed(Attempt attempt, String reason) {
        return shipmentOf(attempt).map(shipment -> {
            LOG.errorf("the label %s of cancelled return %s could not be voided (%s): void it at %s by hand",
                    shipment.trackingNumber, shipment.returnId, reason, shipment.carrier);
            return shipment.voidFailed(reason, clock.instant());
        });
    }

    @Override
    public boolean isPermanent(Throwable failure) {
        return failure instanceof LabelRefusedException;
    }

    private static Uni<Shipment> shipmentOf(Attempt attempt) {
        return EffectShipments.lockedShipmentOf(attempt);
    }

    private CarrierPort carrier(String name) {
        return carriers.named(name);
    }
}
