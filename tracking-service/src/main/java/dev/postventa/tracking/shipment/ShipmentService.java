package dev.postventa.tracking.shipment;

import dev.postventa.events.DomainEvent;
import dev.postventa.events.returns.ReturnApproved;
import dev.postventa.support.effect.Effects;
import dev.postventa.support.outbox.OutboxWriter;
import dev.postventa.support.problem.ProblemException;
import dev.postventa.tracking.TrackingConfig;
import dev.postventa.tracking.notices.ShipmentNotices;
import dev.postventa.tracking.stall.StallDeadlines;
import dev.postventa.tracking.webhooks.CarrierScan;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Loads shipments, lets them decide, stores them and hands their events to the outbox: a shipment per approved
 * return (its label is owed to the {@link CarrierLabels} effect), and verified carrier scans applied in order.
 */
@ApplicationScoped
public class ShipmentService {

    private static final Logger LOG = Logger.getLogger(ShipmentService.class);
    private static final String INSERT_SCAN = """
            INSERT INTO scan (id, shipment_id, carrier, carrier_event_id, carrier_status, status, location, scanned_at,
                              received_at, future_dated)
            VALUES (:id, :shipmentId, :carrier, :eventId, :carrierStatus, :status, :location, :scannedAt, :receivedAt,
                    :futureDated)
            ON CONFLICT (carrier, carrier_event_id) DO NOTHING""";

    /** What became of a posted scan. */
    public enum ScanOutcome { RECORDED, DUPLICATE }

    private final OutboxWriter outbox;
    private final Effects effects;
    private final TrackingConfig config;
    private final Clock clock;
    private final StallDeadlines deadlines;

    ShipmentService(OutboxWriter outbox, Effects effects, TrackingConfig config, Clock clock,
                    StallDeadlines deadlines) {
        this.outbox = outbox;
        this.effects = effects;
        this.config = config;
        this.clock = clock;
        this.deadlines = deadlines;
    }

    /**
     * In the inbox transaction of a {@code ReturnApproved}: the return's shipment, label pending, and the label owed
     * to the carrier (called after the commit). Another approval of a return that has its shipment changes nothing;
     * two concurrent ones collide on the unique return id and the loser, retried by the inbox, finds the shipment.
     * A return the customer keeps ({@code keptByCustomer}) is not shipped: no shipment, no label.
     */
    public Uni<Void> createFor(ReturnApproved approved) {
        if (approved.keptByCustomer()) {
            LOG.infof("return %s is kept by the customer: no shipment, no label", approved.returnId());
            return Uni.createFrom().voidItem();
        }
        return Shipment.lockedOfReturn(approved.returnId()).chain(existing -> {
            if (existing != null) {
                LOG.infof("return %s was approved again (redelivered or re-sent); it has shipment %s (label %s): "
                        + "nothing to do", approved.returnId(), existing.id, existing.labelState);
                return Uni.createFrom().voidItem();
            }
            Shipment shipment = Shipment.forApprovedReturn(approved, config.defaultCarrier(), clock.instant());
            return shipment.<Shipment>persist()
                    .chain(() -> effects.schedule(CarrierLabels.KIND, CarrierLabels.keyOf(shipment.returnId),
                            CarrierLabels.LabelRequest.of(shipment)))
                    .replaceWithVoid();
        });
    }

    /** Stores a verified scan of a carrier's own shipment once; moves the shipment forward when it is the newest news. */
    public Uni<ScanOutcome> record(String carrier, CarrierScan report) {
        return record(carrier, report, true);
    }

    /**
     * The same for a tracking aggregator (EasyPost, ...), which reports for shipments of any carrier: the shipment
     * is found by tracking number alone, and {@code source} scopes the scan ids.
     */
    public Uni<ScanOutcome> recordFromAggregator(String source, CarrierScan report) {
        return record(source, report, false);
    }

    private Uni<ScanOutcome> record(String source, CarrierScan report, boolean sameCarrierOnly) {
        return Panache.withTransaction(() -> Shipment.lockedByTrackingNumber(report.trackingNumber())
                .chain(shipment -> {
                    if (shipment == null || sameCarrierOnly && !shipment.carrier.equals(source)) {
                        return Uni.createFrom().failure(ProblemException.notFound("Shipment", report.trackingNumber()));
                    }
                    Scan scan = Scan.reported(shipment.id, source, report.eventId(), report.carrierStatus(),
                            report.location(), report.scannedAt(), clock.instant(), config.futureScanTolerance());
                    return Scan.<Scan>list("shipmentId", shipment.id).chain(earlier -> insertOnce(scan)
                            .chain(inserted -> {
                                if (!inserted) {
                                    return Uni.createFrom().item(ScanOutcome.DUPLICATE);
                                }
                                if (scan.status == null) {
                                    LOG.warnf("carrier status '%s' of %s is not in the vocabulary: kept in the "
                                            + "timeline only", report.carrierStatus(), report.trackingNumber());
                                }
                                if (shipment.isCancelled()) {
                                    LOG.infof("scan %s of %s: its return was cancelled and the label voided; kept in "
                                            + "the timeline, changes nothing", report.eventId(), report.trackingNumber());
                                }
                                if (scan.futureDated) {
                                    LOG.warnf("scan %s of %s is stamped %s, more than %s after we received it: kept "
                                            + "and flagged, not trusted for ordering", report.eventId(),
                                            report.trackingNumber(), report.scannedAt(), config.futureScanTolerance());
                                }
                                List<DomainEvent> events = new ArrayList<>(shipment.applyScan(scan, earlier));
                                // Any new scan is movement: a stall told is over, and the next one may be told.
                                shipment.stallNotifiedAt = null;
                                deadlines.apply(shipment, scan.receivedAt);
                                ShipmentNotices.exceptionOf(shipment, scan).ifPresent(events::add);
                                return outbox.publishAll(events).replaceWith(ScanOutcome.RECORDED);
                            }));
                }));
    }

    /**
     * Inserts the scan unless its source already reported that event id (then false, and nothing changes); a stored
     * scan gets its receipt order from the database.
     */
    private static Uni<Boolean> insertOnce(Scan scan) {
        // An update plus an entity-query read, not INSERT .. RETURNING as a native select: Hibernate keeps a plan per
        // native select under a key that never equals the next call's, so each webhook added a cache entry, all in
        // one hash bucket, and every later lookup walked them (ingest fell several-fold as the service ran).
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT_SCAN)
                .setParameter("id", scan.id)
                .setParameter("shipmentId", scan.shipmentId)
                .setParameter("carrier", scan.carrier)
                .setParameter("eventId", scan.carrierEventId)
                .setParameter("carrierStatus", scan.carrierStatus)
                .setParameter("status", scan.status == null ? null : scan.status.name())
                .setParameter("location", scan.location)
                .setParameter("scannedAt", scan.scannedAt)
                .setParameter("receivedAt", scan.receivedAt)
                .setParameter("futureDated", scan.futureDated)
                .executeUpdate()
                .chain(inserted -> inserted == 0 ? Uni.createFrom().item(false)
                        : session.createSelectionQuery("select receiptSeq from Scan where id = :id", Long.class)
                                .setParameter("id", scan.id)
                                .getSingleResult()
                                .map(seq -> {
                                    scan.receiptSeq = seq;
                                    return true;
                                })));
    }
}
