package dev.postventa.returns.request;

import dev.postventa.events.shipments.ReturnShipmentCreated;
import dev.postventa.events.shipments.ShipmentStatusChanged;
import dev.postventa.returns.inspection.Inspection;
import dev.postventa.returns.kpi.KpiFacts;
import dev.postventa.returns.kpi.KpiMetrics;
import dev.postventa.returns.orders.OrderSnapshot;
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
    private final Inspection inspection;

    ShipmentProgress(OutboxWriter outbox, Clock clock, Inspection inspection) {
        this.outbox = outbox;
        this.clock = clock;
        this.inspection = inspection;
    }

    /** {@code facts} collects the KPI facts of this attempt; the caller counts them once the inbox commits. */
    public Uni<Void> labelCreated(ReturnShipmentCreated event, KpiFacts facts) {
        return step(event.returnId(), event.shipmentId(), facts,
                request -> request.labelCreated(event, clock.instant()));
    }

    public Uni<Void> statusChanged(ShipmentStatusChanged event, KpiFacts facts) {
        return step(event.returnId(), event.shipmentId(), facts,
                request -> request.applyShipmentStatus(event, clock.instant()));
    }

    private Uni<Void> step(UUID returnId, UUID shipmentId, KpiFacts facts,
                           Function<ReturnRequest, Transition> transition) {
        // Locked: a concurrent step on the same return waits and then sees this one's status.
        return ReturnRequest.<ReturnRequest>findById(returnId, LockModeType.PESSIMISTIC_WRITE).chain(request -> {
            if (request == null) {
                LOG.warnf("shipment %s names unknown return %s: ignored", shipmentId, returnId);
                return Uni.createFrom().voidItem();
            }
            boolean labelled = request.labelCreatedAt != null;
            ReturnStatus before = request.status;
            Transition done = transition.apply(request);
            if (!labelled && request.labelCreatedAt != null) {
                facts.labelCreated(request.createdAt, request.labelCreatedAt);
            }
            if (done.unchanged() != null) {
                LOG.infof("shipment %s: return %s kept as %s (%s); recorded in its history only", shipmentId,
                        returnId, request.status, done.unchanged());
            }
            Uni<Void> recorded = Records.record(done, outbox);
            if (before == ReturnStatus.RECEIVED || request.status != ReturnStatus.RECEIVED) {
                return recorded;
            }
            facts.received(request.createdAt, request.receivedAt);
            // Accepted on receipt (and settled) in this same transaction unless a line needs a person.
            return recorded.chain(() -> inspection.onReceipt(request)).chain(() -> OrderSnapshot.<OrderSnapshot>findById(request.orderId))
                    .invoke(order -> facts.transition(KpiMetrics.RECEIVED, request, order)).replaceWithVoid();
        });
    }
}
