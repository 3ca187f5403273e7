package dev.postventa.tracking.shipment;

import dev.postventa.events.shipments.ShipmentStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The rule that derives a shipment's status from its scans, and never stalls on anybody's clock:
 * <ol>
 *   <li>a delivery to the warehouse is terminal and wins whatever its time (the first one received decides);</li>
 *   <li>otherwise the scan with the latest carrier scan time decides, ties broken by receipt order (the later
 *       received wins); our own times (label creation, receipt) are never compared with carrier times here;</li>
 *   <li>future-dated scans (see {@link #isFutureDated}) are not trusted for ordering: they decide only while no
 *       trusted scan does, and then by receipt order;</li>
 *   <li>scans without a status in the vocabulary, and pre-transit scans ({@code LABEL_CREATED}: the label made the
 *       shipment so already), never decide.</li>
 * </ol>
 * Adding a scan therefore either makes it the deciding one or changes nothing: a late-arriving older scan never
 * moves a shipment back, and nothing moves a delivered one.
 */
public final class ScanOrder {

    /** Trusted scans: carrier scan time, then receipt order. */
    private static final Comparator<Scan> CARRIER_TIME_THEN_RECEIPT = Comparator.<Scan, Instant>comparing(
            s -> s.scannedAt).thenComparing(s -> s.receiptSeq);
    private static final Comparator<Scan> RECEIPT = Comparator.comparing(s -> s.receiptSeq);

    private ScanOrder() {
    }

    /** The scan whose status is the shipment's, or empty while no scan moved it from {@code LABEL_CREATED}. */
    public static Optional<Scan> deciding(Collection<Scan> scans) {
        scans.forEach(s -> Objects.requireNonNull(s.receiptSeq, "a scan is ordered only once it is received"));
        Optional<Scan> delivered = scans.stream().filter(s -> s.status == ShipmentStatus.DELIVERED_TO_WAREHOUSE)
                .min(RECEIPT);
        if (delivered.isPresent()) {
            return delivered;
        }
        List<Scan> moving = scans.stream()
                .filter(s -> s.status != null && s.status != ShipmentStatus.LABEL_CREATED).toList();
        Optional<Scan> trusted = moving.stream().filter(s -> !s.futureDated).max(CARRIER_TIME_THEN_RECEIPT);
        return trusted.isPresent() ? trusted : moving.stream().max(RECEIPT);
    }

    /**
     * Whether a scan's carrier time is too far in the future to be trusted for ordering. This is the one comparison
     * that mixes clocks, on purpose: the carrier's scan time against our receipt time. No time-zone mistake puts a
     * scan more than 14 hours ahead, so a scan stamped further ahead than {@code tolerance} (1 day by default) of
     * when we received it comes from a broken clock, and trusting it would hide every real scan after it.
     */
    public static boolean isFutureDated(Instant scannedAt, Instant receivedAt, Duration tolerance) {
        return scannedAt.isAfter(receivedAt.plus(tolerance));
    }
}
