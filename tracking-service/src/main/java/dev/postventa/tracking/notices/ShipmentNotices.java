package dev.postventa.tracking.notices;

import dev.postventa.events.DomainEvent;
import dev.postventa.events.shipments.ReturnLabelReminderDue;
import dev.postventa.events.shipments.ReturnShipmentException;
import dev.postventa.events.shipments.ReturnShipmentStalled;
import dev.postventa.events.shipments.ShipmentStatus;
import dev.postventa.tracking.shipment.Scan;
import dev.postventa.tracking.shipment.Shipment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The rules of the proactive notices, on a shipment as loaded (and locked) by the caller: whether a stall or a label
 * reminder is due now, and which exception a new scan reports. A notice that is due is marked on the shipment
 * ({@link Shipment#stallNotifiedAt}, {@link Shipment#labelRemindedAt}) in the same step, so saving the shipment and
 * publishing the event in one transaction tells it exactly once.
 *
 * <p>A shipment without a label, cancelled (its label is void) or delivered to the warehouse gets no notice. Its
 * latest movement is the time WE received its latest scan, or, without any scan, the time we made its label
 * ({@code status_at}), as for the operators' stalled shipments ({@code StalledShipments}); never a carrier's time.
 */
public final class ShipmentNotices {

    /**
     * The SLAs the rules use: the global stall SLAs (for a shipment without its own deadline, {@link
     * Shipment#stallDueAt}) and the label reminder's timing ({@link LabelReminders}).
     */
    public record Slas(Duration labelUnused, Duration inTransit, Duration labelReminderAfter,
                       Duration labelReminderLead, Duration labelReminderMinAge) {

        /** Without a ship-by lead or minimum age (the fixed reminder period alone). */
        public Slas(Duration labelUnused, Duration inTransit, Duration labelReminderAfter) {
            this(labelUnused, inTransit, labelReminderAfter, Duration.ZERO, Duration.ZERO);
        }
    }

    private ShipmentNotices() {
    }

    /**
     * The notice due for the shipment now, at most one: its stall, or else the reminder of its unused label.
     * {@code lastScanReceivedAt} is our receipt time of its latest scan (null without scans).
     */
    public static List<DomainEvent> due(Shipment shipment, Instant lastScanReceivedAt, Instant now, Slas slas) {
        if (shipment.labelState != Shipment.LabelState.CREATED || shipment.isCancelled()
                || shipment.status == ShipmentStatus.DELIVERED_TO_WAREHOUSE) {
            return List.of();
        }
        boolean unused = shipment.status == ShipmentStatus.LABEL_CREATED;
        Instant lastMovement = lastScanReceivedAt != null ? lastScanReceivedAt : shipment.statusAt;
        // The shipment's own deadline (its carrier's and country's SLA, StallDeadlines); a row from before it has
        // none and is judged by the global SLA of its status.
        String sla = shipment.stallSla != null ? shipment.stallSla
                : (unused ? slas.labelUnused() : slas.inTransit()).toString();
        Instant stallDue = shipment.stallDueAt != null ? shipment.stallDueAt : lastMovement.plus(Duration.parse(sla));
        if (shipment.stallNotifiedAt == null && stallDue.isBefore(now)) {
            shipment.stallNotifiedAt = now;
            if (unused && shipment.labelRemindedAt == null) {
                // Stalled before it was reminded (the detector was down, or the reminder is set longer than the
                // stall): the stall message says all the reminder would, so the customer gets one message.
                shipment.labelRemindedAt = now;
            }
            return List.of(new ReturnShipmentStalled(shipment.id, shipment.returnId, shipment.carrier,
                    shipment.trackingNumber, shipment.status, lastMovement, sla, shipment.customer(), now));
        }
        if (unused && lastScanReceivedAt == null && shipment.labelRemindedAt == null && shipment.stallNotifiedAt == null
                && LabelReminders.isDue(shipment.statusAt, shipment.shipBy, now, slas.labelReminderAfter(),
                        slas.labelReminderLead(), slas.labelReminderMinAge())) {
            shipment.labelRemindedAt = now;
            return List.of(new ReturnLabelReminderDue(shipment.id, shipment.returnId, shipment.rmaNumber,
                    shipment.carrier, shipment.trackingNumber, shipment.labelUrl, shipment.customer(),
                    shipment.statusAt, now, shipment.shipBy));
        }
        return List.of();
    }

    /**
     * The exception a newly recorded scan reports, if it is one: not for a cancelled shipment (its label is void) nor
     * one delivered to the warehouse (delivery is final; a late exception scan must not tell the customer their
     * parcel was lost). Called once per stored scan: redelivered scans are not stored again, so not told again.
     */
    public static Optional<DomainEvent> exceptionOf(Shipment shipment, Scan scan) {
        if (shipment.isCancelled() || shipment.status == ShipmentStatus.DELIVERED_TO_WAREHOUSE) {
            return Optional.empty();
        }
        return ExceptionKinds.of(scan.carrierStatus, scan.status).map(kind -> new ReturnShipmentException(
                shipment.id, shipment.returnId, shipment.carrier, shipment.trackingNumber, kind, scan.carrierStatus,
                null, shipment.customer(), scan.scannedAt, scan.receivedAt));
    }
}
