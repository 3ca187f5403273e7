package dev.postventa.tracking.shipments;

import dev.postventa.events.returns.ReturnApproved;
import dev.postventa.events.shipments.ReturnShipmentCreated;
import dev.postventa.events.shipments.ShipmentStatus;
import dev.postventa.events.shipments.ShipmentStatusChanged;
import dev.postventa.support.outbox.OutboxWriter;
import dev.postventa.support.persistence.CustomerColumns;
import dev.postventa.support.problem.ProblemException;
import dev.postventa.tracking.TrackingConfig;
import dev.postventa.tracking.carriers.CarrierPort;
import dev.postventa.tracking.webhooks.CarrierScan;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Owns return shipments: creates one per approved return with the carrier, and applies carrier scans in the
 * carrier's scan-time order — a scan older than the current status, or anything after delivery, only adds to the
 * timeline and never moves the shipment back.
 */
@ApplicationScoped
public class ShipmentService {

    private static final Logger LOG = Logger.getLogger(ShipmentService.class);
    private static final String INSERT_SCAN = """
            INSERT INTO scan (id, shipment_id, carrier, carrier_event_id, carrier_status, status, location, scanned_at,
                              received_at)
            VALUES (:id, :shipmentId, :carrier, :eventId, :carrierStatus, :status, :location, :scannedAt, :receivedAt)
            ON CONFLICT (carrier, carrier_event_id) DO NOTHING""";

    /** What became of a posted scan. */
    public enum ScanOutcome { RECORDED, DUPLICATE }

    private final OutboxWriter outbox;
    private final Instance<CarrierPort> carriers;
    private final TrackingConfig config;
    private final Clock clock = Clock.systemUTC();

    ShipmentService(OutboxWriter outbox, Instance<CarrierPort> carriers, TrackingConfig config) {
        this.outbox = outbox;
        this.carriers = carriers;
        this.config = config;
    }

    /** Creates the return shipment of an approved return; a second approval of the same return is a no-op. */
    public Uni<Void> createFor(ReturnApproved approved) {
        return Shipment.count("returnId", approved.returnId()).chain(existing -> {
            if (existing > 0) {
                LOG.infof("return %s already has a shipment", approved.returnId());
                return Uni.createFrom().voidItem();
            }
            CarrierPort carrier = carrier(config.defaultCarrier());
            UUID shipmentId = UUID.randomUUID();
            return carrier.createReturnLabel(shipmentId, approved.rmaNumber(), approved.customer().country())
                    .chain(label -> {
                        Instant now = clock.instant();
                        Shipment shipment = new Shipment();
                        shipment.id = shipmentId;
                        shipment.returnId = approved.returnId();
                        shipment.rmaNumber = approved.rmaNumber();
                        shipment.carrier = carrier.name();
                        shipment.trackingNumber = label.trackingNumber();
                        shipment.labelUrl = label.labelUrl();
                        shipment.status = ShipmentStatus.LABEL_CREATED;
                        shipment.statusAt = now;
                        shipment.contact = CustomerColumns.of(approved.customer());
                        shipment.createdAt = now;
                        shipment.updatedAt = now;
                        return shipment.persist().chain(() -> outbox.publish(new ReturnShipmentCreated(shipment.id,
                                shipment.returnId, shipment.rmaNumber, shipment.carrier, shipment.trackingNumber,
                                shipment.labelUrl, shipment.customer(), now)));
                    });
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
        return Panache.withTransaction(() -> Shipment.<Shipment>find("trackingNumber", report.trackingNumber())
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .chain(shipment -> {
                    if (shipment == null || sameCarrierOnly && !shipment.carrier.equals(source)) {
                        return Uni.createFrom().failure(ProblemException.notFound("Shipment", report.trackingNumber()));
                    }
                    Optional<ShipmentStatus> status = CarrierStatuses.normalise(report.carrierStatus());
                    return insertScan(shipment, source, report, status.orElse(null)).chain(inserted -> inserted
                            ? advance(shipment, report, status).replaceWith(ScanOutcome.RECORDED)
                            : Uni.createFrom().item(ScanOutcome.DUPLICATE));
                }));
    }

    private Uni<Void> advance(Shipment shipment, CarrierScan report, Optional<ShipmentStatus> status) {
        if (status.isEmpty()) {
            LOG.warnf("carrier status '%s' of %s is not in the vocabulary: kept in the timeline only",
                    report.carrierStatus(), report.trackingNumber());
            return Uni.createFrom().voidItem();
        }
        boolean newer = report.scannedAt().isAfter(shipment.statusAt);
        boolean delivered = shipment.status == ShipmentStatus.DELIVERED_TO_WAREHOUSE;
        if (!newer || delivered) {
            return Uni.createFrom().voidItem();
        }
        ShipmentStatus previous = shipment.status;
        shipment.statusAt = report.scannedAt();
        shipment.updatedAt = clock.instant();
        if (previous == status.get()) {
            return Uni.createFrom().voidItem();
        }
        shipment.status = status.get();
        return outbox.publish(new ShipmentStatusChanged(shipment.id, shipment.returnId, shipment.trackingNumber,
                shipment.status, previous, report.carrierStatus(), report.location(), report.scannedAt()));
    }

    private Uni<Boolean> insertScan(Shipment shipment, String carrier, CarrierScan report, ShipmentStatus status) {
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT_SCAN)
                .setParameter("id", UUID.randomUUID())
                .setParameter("shipmentId", shipment.id)
                .setParameter("carrier", carrier)
                .setParameter("eventId", report.eventId())
                .setParameter("carrierStatus", report.carrierStatus())
                .setParameter("status", status == null ? null : status.name())
                .setParameter("location", report.location())
                .setParameter("scannedAt", report.scannedAt())
                .setParameter("receivedAt", clock.instant())
                .executeUpdate()
                .map(rows -> rows == 1));
    }

    private CarrierPort carrier(String name) {
        return carriers.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no carrier adapter named " + name));
    }
}
