package dev.postventa.tracking.shipment;

import dev.postventa.events.shipments.ShipmentStatus;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One carrier scan of a shipment, as reported, with its normalised status (null when the carrier's is unknown). */
@Entity
@Table(name = "scan")
public class Scan extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "shipment_id")
    public UUID shipmentId;
    /** Who reported it: the carrier, or the tracking aggregator; scopes {@link #carrierEventId}. */
    public String carrier;
    @Column(name = "carrier_event_id")
    public String carrierEventId;
    @Column(name = "carrier_status")
    public String carrierStatus;
    @Enumerated(EnumType.STRING)
    public ShipmentStatus status;
    public String location;
    @Column(name = "scanned_at")
    public Instant scannedAt;
    /** Our time of receipt: shown in the timeline and used for the future-dated check only, never to order scans. */
    @Column(name = "received_at")
    public Instant receivedAt;
    /** The order we received the shipment's scans in (assigned by the database); breaks ties of scan time. */
    @Column(name = "receipt_seq", insertable = false, updatable = false)
    public Long receiptSeq;
    /** Stamped too far ahead of its receipt to be trusted for ordering ({@link ScanOrder#isFutureDated}). */
    @Column(name = "future_dated")
    public boolean futureDated;

    /**
     * A scan as {@code source} reported it, its carrier word normalised by {@link CarrierStatuses}, flagged when its
     * time is more than {@code futureTolerance} ahead of its receipt. Its receipt order is set once it is stored.
     */
    public static Scan reported(UUID shipmentId, String source, String eventId, String carrierStatus, String location,
                                Instant scannedAt, Instant receivedAt, Duration futureTolerance) {
        Scan scan = new Scan();
        scan.id = UUID.randomUUID();
        scan.shipmentId = shipmentId;
        scan.carrier = source;
        scan.carrierEventId = eventId;
        scan.carrierStatus = carrierStatus;
        scan.status = CarrierStatuses.normalise(carrierStatus).orElse(null);
        scan.location = location;
        scan.scannedAt = scannedAt;
        scan.receivedAt = receivedAt;
        scan.futureDated = ScanOrder.isFutureDated(scannedAt, receivedAt, futureTolerance);
        return scan;
    }

    /** The shipment's scans for people to read: carrier scan time, then receipt order. */
    public static Uni<List<Scan>> timeline(UUID shipmentId) {
        return list("shipmentId = ?1 order by scannedAt, receiptSeq", shipmentId);
    }
}
