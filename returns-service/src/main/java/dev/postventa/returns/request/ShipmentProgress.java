package dev.postventa.returns.request;

import dev.postventa.events.shipments.ReturnShipmentCreated;
import dev.postventa.events.shipments.ShipmentStatusChanged;
import dev.postventa.support.outbox.OutboxWriter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Moves a return along as its shipment is labelled and scanned: loads the return (row-locked), lets
 * {@link ReturnRequest} decide, records its history and publishes its events. Runs inside the inbox's transaction.
 */
@ApplicationScoped
public class ShipmentProgress {

    private static final Logger LOG = Logger.getLogger(ShipmentProgress.class);

    private final OutboxWriter outbox;
    private final Clock clock;

    ShipmentProgress(OutboxWriter outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<Void> labelCreated(ReturnShipmentCreated event) {
        return step(event.returnId(), event.shipmentId(), request -> request.labelCreated(event, clock.instant()));
    }

    public Uni<Void> statusChanged(ShipmentStatusChanged event) {
        return step(event.returnId(), event.shipmentId(),
                request -> request.applyShipmentStatus(event, clock.instant()));
    }

    private Uni<Void> step(UUID returnId, UUID shipmentId, Function<ReturnRequest, Transition> transition) {
        // Locked: a concurrent step on the same return waits and then sees this one's status.
        return ReturnRequest.<ReturnRequest>findById(returnId, LockModeType.PESSIMISTIC_WRITE).chain(request -> {
            if (request == null) {
                LOG.warnf("shipment %s names unknown return %s: ignored", shipmentId, returnId);
                return Uni.createFrom().voidItem();
            }
            Transition done = transition.apply(request);
            if (done.unchanged() != null) {
                LOG.infof("shipment %s: return %s kept as %s (%s); recorded in its history only", shipmentId,
                        returnId, request.status, done.unchanged());
            }
            return Records.record(done, outbox);
        });
    }
}
