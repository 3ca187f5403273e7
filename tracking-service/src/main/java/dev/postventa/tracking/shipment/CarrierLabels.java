package dev.postventa.tracking.shipment;

import dev.postventa.events.DomainEvent;
import dev.postventa.support.effect.Attempt;
import dev.postventa.support.effect.EffectHandler;
import dev.postventa.tracking.carriers.CarrierAdapters;
import dev.postventa.tracking.carriers.CarrierPort;
import dev.postventa.tracking.carriers.CarrierPort.ReturnLabel;
import dev.postventa.tracking.carriers.LabelRefusedException;
import dev.postventa.tracking.stall.StallDeadlines;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Gets the carrier label of a new shipment after the approval's transaction committed: the effect
 * {@value #KIND}, keyed by the return id, which is also the carrier's idempotency key — however often the
 * approval's transaction or the call is retried, the carrier issues one label per return. A return cancelled before
 * its label was asked for gets none: the attempt is refused before the carrier is called.
 */
@ApplicationScoped
public class CarrierLabels implements EffectHandler<ReturnLabel> {

    public static final String KIND = "carrier-label";
    private static final Logger LOG = Logger.getLogger(CarrierLabels.class);

    /** What the call needs, stored with the pending effect. */
    public record LabelRequest(UUID shipmentId, String carrier, String rmaNumber, String country) {

        static LabelRequest of(Shipment shipment) {
            return new LabelRequest(shipment.id, shipment.carrier, shipment.rmaNumber, shipment.contact.country);
        }
    }

    private final CarrierAdapters carriers;
    private final Clock clock;
    private final StallDeadlines deadlines;

    CarrierLabels(CarrierAdapters carriers, Clock clock, StallDeadlines deadlines) {
        this.carriers = carriers;
        this.clock = clock;
        this.deadlines = deadlines;
    }

    /** The effect key (and carrier idempotency key) of the label of {@code returnId}'s shipment. */
    public static String keyOf(UUID returnId) {
        return returnId.toString();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Uni<ReturnLabel> perform(Attempt attempt) {
        LabelRequest request = attempt.payload(LabelRequest.class);
        // One read before the call: a label for a cancelled return would only be voided again. A cancellation that
        // commits during the call is caught later: the label is recorded silently and LabelVoids voids it.
        return Panache.withSession(() -> Shipment.ofReturn(UUID.fromString(attempt.key()))).chain(shipment ->
                shipment != null && shipment.isCancelled()
                        ? Uni.createFrom().failure(new LabelRefusedException("the return was cancelled before its "
                                + "label was made"))
                        : carrier(request.carrier()).createReturnLabel(attempt.key(), request.rmaNumber(),
                                request.country()));
    }

    @Override
    public Uni<List<DomainEvent>> succeeded(Attempt attempt, ReturnLabel label) {
        return shipmentOf(attempt).map(shipment -> {
            List<DomainEvent> events = shipment.labelCreated(label, clock.instant());
            // Unscanned, the label time is the latest movement.
            deadlines.apply(shipment, shipment.statusAt);
            return events;
        });
    }

    @Override
    public Uni<List<DomainEvent>> failed(Attempt attempt, String reason) {
        return shipmentOf(attempt).map(shipment -> {
            if (shipment.isCancelled()) {
                LOG.infof("cancelled return %s gets no carrier label: %s", shipment.returnId, reason);
            } else {
                LOG.errorf("return %s gets no carrier label: %s", shipment.returnId, reason);
            }
            return shipment.labelFailed(reason, clock.instant());
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
