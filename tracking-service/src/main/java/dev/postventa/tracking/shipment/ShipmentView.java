package dev.postventa.tracking.shipment;

import dev.postventa.events.shipments.ShipmentStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A shipment as the customer and support see it: whether its label exists yet, where it is, and every scan in
 * carrier scan-time order. Tracking number, label URL and status are null while the label is PENDING. A cancelled
 * return's shipment has {@code cancelledAt} and {@code voidState} (with {@code voidError} when voiding failed).
 */
public record ShipmentView(UUID id, UUID returnId, String rmaNumber, String carrier, Shipment.LabelState labelState,
                           String labelError, String trackingNumber, String labelUrl, ShipmentStatus status,
                           Instant statusAt, Instant createdAt, List<TimelineEntry> timeline, Instant cancelledAt,
                           Shipment.VoidState voidState, String voidError) {

    /**
     * One scan on the timeline; {@code status} is null when the carrier's word is not in the vocabulary, and
     * {@code futureDated} marks a scan stamped too far ahead of its receipt to be trusted for ordering.
     */
    public record TimelineEntry(String carrierEventId, String carrierStatus, ShipmentStatus status, String location,
                                Instant scannedAt, Instant receivedAt, boolean futureDated) {
    }

    static ShipmentView of(Shipment s, List<Scan> scans) {
        return new ShipmentView(s.id, s.returnId, s.rmaNumber, s.carrier, s.labelState, s.labelError,
                s.trackingNumber, s.labelUrl, s.status, s.statusAt, s.createdAt, scans.stream()
                .map(scan -> new TimelineEntry(scan.carrierEventId, scan.carrierStatus, scan.status, scan.location,
                        scan.scannedAt, scan.receivedAt, scan.futureDated)).toList(), s.cancelledAt, s.voidState,
                s.voidError);
    }
}
