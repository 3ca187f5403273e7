package dev.postventa.tracking.shipment;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.DomainEvent;
import dev.postventa.events.returns.ReturnApproved;
import dev.postventa.events.shipments.ReturnShipmentCreated;
import dev.postventa.events.shipments.ShipmentStatus;
import dev.postventa.events.shipments.ShipmentStatusChanged;
import dev.postventa.support.persistence.CustomerColumns;
import dev.postventa.tracking.carriers.CarrierPort.ReturnLabel;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A return parcel on its way from the customer to the warehouse. It owns its transitions: created for an approved
 * return with its label {@link LabelState#PENDING}, it gets its carrier label once ({@link #labelCreated}) or never
 * ({@link #labelFailed}), then carrier scans move its carrier-facing {@link ShipmentStatus} ({@link #applyScan}).
 * A cancelled return's shipment ({@link #cancel}) has its label voided ({@link VoidState}); from then on it announces
 * nothing: a label that arrives late is recorded silently (and voided), scans only join the timeline.
 * Each transition checks the current state, changes it and returns the events to publish.
 */
@Entity
@Table(name = "shipment")
public class Shipment extends PanacheEntityBase {

    /** Where the carrier label stands; internal, the carrier-facing status exists only once the label does. */
    public enum LabelState { PENDING, CREATED, FAILED }

    /**
     * Where voiding a cancelled return's label stands: owed, done by the carrier, not needed (no label was ever
     * made), or failed for good (to be voided by hand). Null while the return is not cancelled.
     */
    public enum VoidState { PENDING, VOIDED, NOT_NEEDED, FAILED }

    @Id
    public UUID id;
    @Column(name = "return_id")
    public UUID returnId;
    /** The storefront's order number: who may see the shipment (a customer's token opens one order). */
    @Column(name = "order_id")
    public String orderId;
    @Column(name = "rma_number")
    public String rmaNumber;
    public String carrier;
    @Enumerated(EnumType.STRING)
    @Column(name = "label_state")
    public LabelState labelState;
    /** Why the label could not be created (FAILED only). */
    @Column(name = "label_error")
    public String labelError;
    @Column(name = "tracking_number")
    public String trackingNumber;
    @Column(name = "label_url")
    public String labelUrl;
    /** Carrier-facing status; null until the label exists. */
    @Enumerated(EnumType.STRING)
    public ShipmentStatus status;
    /**
     * Carrier scan time of the scan that set the current status, or our label time while no scan did; shown only,
     * never compared with a scan's time. Null until the label exists.
     */
    @Column(name = "status_at")
    public Instant statusAt;
    @Embedded
    public CustomerColumns contact;
    /** When tracking-service learnt the return was cancelled; null while it is not. */
    @Column(name = "cancelled_at")
    public Instant cancelledAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "void_state")
    public VoidState voidState;
    /** Why the label could not be voided (void FAILED only). */
    @Column(name = "void_error")
    public String voidError;
    /**
     * When {@code ReturnShipmentStalled} was emitted for the current stall (V8); null while none was, and cleared by
     * every newly received scan. Set by {@code dev.postventa.tracking.notices}.
     */
    @Column(name = "stall_notified_at")
    public Instant stallNotifiedAt;
    /** When {@code ReturnLabelReminderDue} was emitted (once per shipment, V8); null while not. */
    @Column(name = "label_reminded_at")
    public Instant labelRemindedAt;
    /**
     * When the shipment counts as stalled unless a scan arrives first: our receipt time of its latest scan (or our
     * label time, unscanned) plus {@link #stallSla} (V9). Set by {@code dev.postventa.tracking.stall.StallDeadlines}
     * whenever the label is made or a scan is received; null when it cannot stall (or for a row before V9).
     */
    @Column(name = "stall_due_at")
    public Instant stallDueAt;
    /** The stall SLA that {@link #stallDueAt} applies (ISO-8601 duration), by carrier, country and status (V9). */
    @Column(name = "stall_sla")
    public String stallSla;
    /** The return's ship-by time from {@code ReturnApproved} (returns-service's policy clock); null without one (V9). */
    @Column(name = "ship_by")
    public Instant shipBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The shipment of an approved return, waiting for its label from {@code carrier}. Publishes nothing yet. */
    public static Shipment forApprovedReturn(ReturnApproved approved, String carrier, Instant now) {
        Shipment shipment = new Shipment();
        shipment.id = UUID.randomUUID();
        shipment.returnId = Objects.requireNonNull(approved.returnId(), "returnId");
        shipment.orderId = approved.orderId();
        shipment.rmaNumber = approved.rmaNumber();
        shipment.carrier = Objects.requireNonNull(carrier, "carrier");
        shipment.labelState = LabelState.PENDING;
        shipment.contact = CustomerColumns.of(approved.customer());
        shipment.shipBy = approved.shipBy();
        shipment.createdAt = now;
        shipment.updatedAt = now;
        return shipment;
    }

    /** The carrier issued the label: the shipment is {@code LABEL_CREATED} and the customer can be told. */
    public List<DomainEvent> labelCreated(ReturnLabel label, Instant now) {
        requireLabelState(LabelState.PENDING, "record a label");
        Objects.requireNonNull(label.trackingNumber(), "trackingNumber");
        Objects.requireNonNull(label.labelUrl(), "labelUrl");
        labelState = LabelState.CREATED;
        trackingNumber = label.trackingNumber();
        labelUrl = label.labelUrl();
        status = ShipmentStatus.LABEL_CREATED;
        statusAt = now;
        updatedAt = now;
        if (isCancelled()) {
            // Made while the return was being cancelled: kept so that it can be voided; the customer is not told
            // to ship a cancelled return.
            return List.of();
        }
        return List.of(new ReturnShipmentCreated(id, returnId, rmaNumber, carrier, trackingNumber, labelUrl,
                customer(), now));
    }

    /** The carrier will never issue the label (refused, or every attempt failed). No contract event exists for it. */
    public List<DomainEvent> labelFailed(String reason, Instant now) {
        requireLabelState(LabelState.PENDING, "give up its label");
        labelState = LabelState.FAILED;
        labelError = reason;
        updatedAt = now;
        return List.of();
    }

    /**
     * The return was cancelled: the label is to be voided (or, still pending, never made). Publishes nothing: the
     * contract has no event for it, and returns-service, which cancelled the return, needs none.
     */
    public List<DomainEvent> cancel(Instant now) {
        if (isCancelled()) {
            throw new IllegalStateException("shipment " + id + " of return " + returnId + " is cancelled already");
        }
        cancelledAt = now;
        voidState = VoidState.PENDING;
        updatedAt = now;
        return List.of();
    }

    /** The carrier voided the label ({@code voided}), or there was none to void. */
    public List<DomainEvent> voidSettled(boolean voided, Instant now) {
        requireVoidPending("settle its void");
        voidState = voided ? VoidState.VOIDED : VoidState.NOT_NEEDED;
        updatedAt = now;
        return List.of();
    }

    /** The carrier will not void the label (refused, or every attempt failed): operations must. */
    public List<DomainEvent> voidFailed(String reason, Instant now) {
        requireVoidPending("give up voiding its label");
        voidState = VoidState.FAILED;
        voidError = reason;
        updatedAt = now;
        return List.of();
    }

    public boolean isCancelled() {
        return cancelledAt != null;
    }

    /**
     * Applies a newly recorded scan, given the shipment's earlier scans: the status is derived from all of them by
     * {@link ScanOrder} (delivery wins whatever its time; otherwise the latest carrier scan time, receipt order on
     * ties; future-dated scans not trusted for ordering). When the new scan decides and brings another status, the
     * change is published; otherwise the scan only joins the timeline. Our label time never hides a scan.
     */
    public List<DomainEvent> applyScan(Scan scan, List<Scan> earlier) {
        requireLabelState(LabelState.CREATED, "apply a scan");
        if (!id.equals(scan.shipmentId)) {
            throw new IllegalArgumentException("scan " + scan.carrierEventId + " is not of shipment " + id);
        }
        if (isCancelled()) {
            // The label is void: a scan of it is kept in the timeline and moves nothing. returns-service ignores
            // shipment news of a cancelled return too.
            return List.of();
        }
        List<Scan> all = new ArrayList<>(earlier);
        all.add(scan);
        Scan deciding = ScanOrder.deciding(all).orElse(null);
        if (deciding != scan) {
            // Adding a scan makes it the deciding one or changes nothing (see ScanOrder).
            return List.of();
        }
        ShipmentStatus previous = status;
        status = deciding.status;
        statusAt = deciding.scannedAt;
        updatedAt = deciding.receivedAt;
        if (previous == status) {
            return List.of();
        }
        return List.of(new ShipmentStatusChanged(id, returnId, trackingNumber, status, previous,
                deciding.carrierStatus, deciding.location, deciding.scannedAt));
    }

    public CustomerContact customer() {
        return contact.toContact();
    }

    private void requireLabelState(LabelState required, String action) {
        if (labelState != required) {
            throw new IllegalStateException("shipment " + id + " of return " + returnId + " has its label "
                    + labelState + ": cannot " + action);
        }
    }

    private void requireVoidPending(String action) {
        if (voidState != VoidState.PENDING) {
            throw new IllegalStateException("shipment " + id + " of return " + returnId + " has its void " + voidState
                    + ": cannot " + action);
        }
    }

    public static Uni<Shipment> ofReturn(UUID returnId) {
        return find("returnId", returnId).firstResult();
    }

    /** The shipment of a return, row-locked until the end of the transaction (null when there is none). */
    public static Uni<Shipment> lockedOfReturn(UUID returnId) {
        return find("returnId", returnId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** The shipment with this tracking number, row-locked until the end of the transaction (null when none). */
    public static Uni<Shipment> lockedByTrackingNumber(String trackingNumber) {
        return find("trackingNumber", trackingNumber).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }
}
