package dev.postventa.returns.shipments;

import dev.postventa.events.returns.ReturnInTransit;
import dev.postventa.events.returns.ReturnReceived;
import dev.postventa.events.shipments.ReturnShipmentCreated;
import dev.postventa.events.shipments.ShipmentStatusChanged;
import dev.postventa.returns.returns.ReturnHistoryEntry;
import dev.postventa.returns.returns.ReturnRequest;
import dev.postventa.returns.returns.ReturnStatus;
import dev.postventa.support.outbox.OutboxWriter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Moves a return along as its shipment is scanned: picked up means in transit, delivered to the warehouse means
 * received. A return never moves backwards; steps that do not change its status are still kept in its history.
 */
@ApplicationScoped
public class ReturnShipmentProgress {

    private static final Logger LOG = Logger.getLogger(ReturnShipmentProgress.class);

    private final OutboxWriter outbox;
    private final Clock clock = Clock.systemUTC();

    ReturnShipmentProgress(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    /** Must run inside a transaction (the inbox's). */
    public Uni<Void> labelCreated(ReturnShipmentCreated event) {
        return ReturnRequest.<ReturnRequest>findById(event.returnId()).chain(request -> {
            if (request == null) {
                LOG.warnf("shipment %s names unknown return %s: ignored", event.shipmentId(), event.returnId());
                return Uni.createFrom().voidItem();
            }
            request.trackingNumber = event.trackingNumber();
            request.updatedAt = clock.instant();
            return ReturnHistoryEntry.of(request.id, ReturnStatus.APPROVED, "return label created with " + event.carrier()
                    + ", tracking number " + event.trackingNumber(), event.createdAt()).persist().replaceWithVoid();
        });
    }

    /** Must run inside a transaction (the inbox's). */
    public Uni<Void> statusChanged(ShipmentStatusChanged event) {
        return ReturnRequest.<ReturnRequest>findById(event.returnId()).chain(request -> {
            if (request == null) {
                LOG.warnf("shipment %s names unknown return %s: ignored", event.shipmentId(), event.returnId());
                return Uni.createFrom().voidItem();
            }
            if (request.trackingNumber == null) {
                request.trackingNumber = event.trackingNumber();
            }
            return switch (event.status()) {
                case IN_TRANSIT, OUT_FOR_DELIVERY -> request.status == ReturnStatus.APPROVED
                        ? inTransit(request, event) : note(request, event);
                case DELIVERED_TO_WAREHOUSE -> request.status == ReturnStatus.APPROVED
                        || request.status == ReturnStatus.IN_TRANSIT ? received(request, event) : note(request, event);
                case LABEL_CREATED, EXCEPTION -> note(request, event);
            };
        });
    }

    private Uni<Void> inTransit(ReturnRequest request, ShipmentStatusChanged event) {
        moveTo(request, ReturnStatus.IN_TRANSIT);
        return history(request, event)
                .chain(() -> outbox.publish(new ReturnInTransit(request.id, request.orderId, request.rmaNumber,
                        request.trackingNumber, request.customer(), event.scannedAt())));
    }

    private Uni<Void> received(ReturnRequest request, ShipmentStatusChanged event) {
        moveTo(request, ReturnStatus.RECEIVED);
        // Every approved line counts as received; inspection of the parcel's content is not modelled yet.
        return history(request, event)
                .chain(() -> outbox.publish(new ReturnReceived(request.id, request.orderId, request.rmaNumber,
                        request.customer(), request.lines(), event.scannedAt())));
    }

    private Uni<Void> note(ReturnRequest request, ShipmentStatusChanged event) {
        return history(request, event);
    }

    private void moveTo(ReturnRequest request, ReturnStatus status) {
        request.status = status;
        request.updatedAt = clock.instant();
    }

    private static Uni<Void> history(ReturnRequest request, ShipmentStatusChanged event) {
        String where = event.location() == null ? "" : " at " + event.location();
        Instant at = event.scannedAt();
        return ReturnHistoryEntry.of(request.id, request.status,
                "carrier scan " + event.status() + where, at).persist().replaceWithVoid();
    }
}
