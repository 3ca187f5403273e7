package dev.postventa.tracking.shipment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.DomainEvent;
import dev.postventa.events.Money;
import dev.postventa.events.ReturnedLine;
import dev.postventa.events.returns.ReturnApproved;
import dev.postventa.events.shipments.ReturnShipmentCreated;
import dev.postventa.events.shipments.ShipmentStatus;
import dev.postventa.events.shipments.ShipmentStatusChanged;
import dev.postventa.tracking.carriers.CarrierPort.ReturnLabel;
import dev.postventa.tracking.shipment.Shipment.LabelState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The shipment's transitions, without infrastructure: label pending → created or failed, then scans in order. */
class ShipmentTest {

    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    static final Duration TOLERANCE = Duration.ofDays(1);
    static final AtomicLong RECEIPTS = new AtomicLong();
    static final Map<UUID, List<Scan>> TIMELINES = new ConcurrentHashMap<>();
    static final ReturnLabel LABEL = new ReturnLabel("SIMMX000000000042", "https://labels.example.invalid/42.pdf");

    @Test
    void anApprovedReturnGetsAShipmentWaitingForItsLabelAndPublishesNothingYet() {
        ReturnApproved approved = approved();
        Shipment shipment = Shipment.forApprovedReturn(approved, "simulated", NOW);

        assertThat(shipment.labelState).isEqualTo(LabelState.PENDING);
        assertThat(shipment.returnId).isEqualTo(approved.returnId());
        assertThat(shipment.rmaNumber).isEqualTo("RMA-1");
        assertThat(shipment.carrier).isEqualTo("simulated");
        assertThat(shipment.customer()).isEqualTo(approved.customer());
        assertThat(shipment.trackingNumber).isNull();
        assertThat(shipment.status).isNull();
        assertThat(shipment.createdAt).isEqualTo(NOW);
    }

    @Test
    void theLabelMakesTheShipmentLabelCreatedAndAnnouncesIt() {
        Shipment shipment = Shipment.forApprovedReturn(approved(), "simulated", NOW);
        Instant later = NOW.plusSeconds(5);

        List<DomainEvent> events = shipment.labelCreated(LABEL, later);

        assertThat(shipment.labelState).isEqualTo(LabelState.CREATED);
        assertThat(shipment.status).isEqualTo(ShipmentStatus.LABEL_CREATED);
        assertThat(shipment.statusAt).isEqualTo(later);
        assertThat(shipment.trackingNumber).isEqualTo(LABEL.trackingNumber());
        assertThat(events).containsExactly(new ReturnShipmentCreated(shipment.id, shipment.returnId, "RMA-1",
                "simulated", LABEL.trackingNumber(), LABEL.labelUrl(), shipment.customer(), later));
    }

    @Test
    void aShipmentGetsOneLabelOnly() {
        Shipment shipment = Shipment.forApprovedReturn(approved(), "simulated", NOW);
        shipment.labelCreated(LABEL, NOW);

        assertThatThrownBy(() -> shipment.labelCreated(new ReturnLabel("SIMMX999", "u"), NOW))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("CREATED");
        assertThatThrownBy(() -> shipment.labelFailed("late", NOW)).isInstanceOf(IllegalStateException.class);
        assertThat(shipment.trackingNumber).isEqualTo(LABEL.trackingNumber());
    }

    @Test
    void aFailedLabelIsFinalAndTheShipmentTakesNoScans() {
        Shipment shipment = Shipment.forApprovedReturn(approved(), "simulated", NOW);

        assertThat(shipment.labelFailed("refused: country", NOW.plusSeconds(1))).isEmpty();

        assertThat(shipment.labelState).isEqualTo(LabelState.FAILED);
        assertThat(shipment.labelError).isEqualTo("refused: country");
        assertThatThrownBy(() -> shipment.labelCreated(LABEL, NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> apply(shipment, scan(shipment, "in_transit", NOW.plusSeconds(60))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("FAILED");
    }

    @Test
    void aShipmentWithoutItsLabelTakesNoScans() {
        Shipment shipment = Shipment.forApprovedReturn(approved(), "simulated", NOW);

        assertThatThrownBy(() -> apply(shipment, scan(shipment, "in_transit", NOW.plusSeconds(60))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PENDING");
        assertThat(shipment.status).isNull();
    }

    @Test
    void aScanOfAnotherShipmentIsRefused() {
        Shipment shipment = labelled();
        Shipment other = labelled();

        assertThatThrownBy(() -> apply(shipment, scan(other, "in_transit", NOW.plusSeconds(60))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNewerScanWithANewStatusMovesTheShipmentAndIsPublished() {
        Shipment shipment = labelled();
        Scan scan = scan(shipment, "picked_up", NOW.plusSeconds(60));

        List<DomainEvent> events = apply(shipment, scan);

        assertThat(shipment.status).isEqualTo(ShipmentStatus.IN_TRANSIT);
        assertThat(shipment.statusAt).isEqualTo(scan.scannedAt);
        assertThat(shipment.updatedAt).isEqualTo(scan.receivedAt);
        assertThat(events).containsExactly(new ShipmentStatusChanged(shipment.id, shipment.returnId,
                shipment.trackingNumber, ShipmentStatus.IN_TRANSIT, ShipmentStatus.LABEL_CREATED, "picked_up", "CDMX",
                scan.scannedAt));
    }

    @Test
    void aNewerScanWithTheSameStatusMovesOnlyTheStatusTime() {
        Shipment shipment = labelled();
        apply(shipment, scan(shipment, "picked_up", NOW.plusSeconds(60)));
        Instant later = NOW.plusSeconds(120);

        assertThat(apply(shipment, scan(shipment, "in_transit", later))).isEmpty();

        assertThat(shipment.status).isEqualTo(ShipmentStatus.IN_TRANSIT);
        assertThat(shipment.statusAt).isEqualTo(later);
    }

    @Test
    void anOlderScanArrivingLateNeverMovesTheShipmentBack() {
        Shipment shipment = labelled();
        apply(shipment, scan(shipment, "out_for_delivery", NOW.plus(Duration.ofHours(2))));

        assertThat(apply(shipment, scan(shipment, "in_transit", NOW.plus(Duration.ofHours(1))))).isEmpty();

        assertThat(shipment.status).isEqualTo(ShipmentStatus.OUT_FOR_DELIVERY);
        assertThat(shipment.statusAt).isEqualTo(NOW.plus(Duration.ofHours(2)));
    }

    @Test
    void scansAtEqualTimesCountInReceiptOrder() {
        Shipment shipment = labelled();
        Instant at = NOW.plus(Duration.ofHours(2));
        apply(shipment, scan(shipment, "out_for_delivery", at));

        assertThat(apply(shipment, scan(shipment, "exception", at))).singleElement()
                .isEqualTo(new ShipmentStatusChanged(shipment.id, shipment.returnId, shipment.trackingNumber,
                        ShipmentStatus.EXCEPTION, ShipmentStatus.OUT_FOR_DELIVERY, "exception", "CDMX", at));
        assertThat(shipment.status).isEqualTo(ShipmentStatus.EXCEPTION);
    }

    @Test
    void nothingMovesADeliveredShipment() {
        Shipment shipment = labelled();
        apply(shipment, scan(shipment, "delivered", NOW.plus(Duration.ofHours(2))));

        assertThat(apply(shipment, scan(shipment, "exception", NOW.plus(Duration.ofHours(3))))).isEmpty();
        assertThat(apply(shipment, scan(shipment, "delivered", NOW.plus(Duration.ofHours(4))))).isEmpty();

        assertThat(shipment.status).isEqualTo(ShipmentStatus.DELIVERED_TO_WAREHOUSE);
        assertThat(shipment.statusAt).isEqualTo(NOW.plus(Duration.ofHours(2)));
    }

    @Test
    void aDeliveryWinsWhateverItsTimeEvenBeforeThePickUp() {
        Shipment shipment = labelled();
        apply(shipment, scan(shipment, "picked_up", NOW.plus(Duration.ofHours(2))));

        List<DomainEvent> events = apply(shipment, scan(shipment, "delivered", NOW.plus(Duration.ofHours(1))));

        assertThat(shipment.status).isEqualTo(ShipmentStatus.DELIVERED_TO_WAREHOUSE);
        assertThat(events).singleElement().extracting(e -> ((ShipmentStatusChanged) e).previousStatus())
                .isEqualTo(ShipmentStatus.IN_TRANSIT);
    }

    @Test
    void aCarrierWordOutsideTheVocabularyOnlyJoinsTheTimeline() {
        Shipment shipment = labelled();
        Scan scan = scan(shipment, "held_by_customs_zz", NOW.plusSeconds(60));

        assertThat(scan.status).isNull();
        assertThat(apply(shipment, scan)).isEmpty();
        assertThat(shipment.status).isEqualTo(ShipmentStatus.LABEL_CREATED);
        assertThat(shipment.statusAt).isEqualTo(NOW);
    }

    @Test
    void aScanStampedHoursBeforeOurLabelMovesTheShipment() {
        Shipment shipment = labelled();
        Instant hoursBefore = NOW.minus(Duration.ofHours(6));

        assertThat(apply(shipment, scan(shipment, "in_transit", hoursBefore))).hasSize(1);
        assertThat(shipment.status).isEqualTo(ShipmentStatus.IN_TRANSIT);
        assertThat(shipment.statusAt).isEqualTo(hoursBefore);
        assertThat(apply(shipment, scan(shipment, "delivered", hoursBefore.plusSeconds(60)))).hasSize(1);
        assertThat(shipment.status).isEqualTo(ShipmentStatus.DELIVERED_TO_WAREHOUSE);
    }

    @Test
    void aPreTransitScanNeverMovesAShipmentBackToLabelCreated() {
        Shipment shipment = labelled();
        apply(shipment, scan(shipment, "picked_up", NOW.plusSeconds(60)));

        assertThat(apply(shipment, scan(shipment, "pre_transit", NOW.plusSeconds(120)))).isEmpty();
        assertThat(shipment.status).isEqualTo(ShipmentStatus.IN_TRANSIT);
    }

    @Test
    void aFutureDatedScanIsFlaggedAndDoesNotHideLaterScans() {
        Shipment shipment = labelled();
        apply(shipment, scan(shipment, "picked_up", NOW.plusSeconds(60)));
        Scan future = scan(shipment, "out_for_delivery", NOW.plus(Duration.ofDays(3)));
        assertThat(future.futureDated).isTrue();

        assertThat(apply(shipment, future)).isEmpty();
        assertThat(shipment.status).isEqualTo(ShipmentStatus.IN_TRANSIT);
        assertThat(apply(shipment, scan(shipment, "exception", NOW.plusSeconds(120)))).hasSize(1);
        assertThat(shipment.status).isEqualTo(ShipmentStatus.EXCEPTION);
    }

    @Test
    void aFutureDatedScanDecidesOnlyWhileNoTrustedScanDoesAndADeliveryWinsAnyway() {
        Shipment shipment = labelled();
        Scan future = scan(shipment, "in_transit", NOW.plus(Duration.ofDays(3)));

        assertThat(apply(shipment, future)).hasSize(1);
        assertThat(shipment.status).isEqualTo(ShipmentStatus.IN_TRANSIT);
        assertThat(apply(shipment, scan(shipment, "out_for_delivery", NOW.plusSeconds(60)))).hasSize(1);
        assertThat(shipment.status).isEqualTo(ShipmentStatus.OUT_FOR_DELIVERY);
        assertThat(apply(shipment, scan(shipment, "delivered", NOW.plus(Duration.ofDays(5))))).hasSize(1);
        assertThat(shipment.status).isEqualTo(ShipmentStatus.DELIVERED_TO_WAREHOUSE);
    }

    @Test
    void aScanIsFutureDatedOnlyBeyondTheTolerance() {
        Instant received = NOW;
        assertThat(ScanOrder.isFutureDated(received.plus(Duration.ofHours(14)), received, TOLERANCE)).isFalse();
        assertThat(ScanOrder.isFutureDated(received.plus(TOLERANCE), received, TOLERANCE)).isFalse();
        assertThat(ScanOrder.isFutureDated(received.plus(TOLERANCE).plusSeconds(1), received, TOLERANCE)).isTrue();
        assertThat(ScanOrder.isFutureDated(received.minus(Duration.ofDays(30)), received, TOLERANCE)).isFalse();
    }

    @Test
    void theDecidingScanDoesNotDependOnTheOrderTheListIsIn() {
        Shipment shipment = labelled();
        Scan a = scan(shipment, "in_transit", NOW.plusSeconds(60));
        Scan b = scan(shipment, "out_for_delivery", NOW.plusSeconds(60));
        Scan c = scan(shipment, "exception", NOW.minusSeconds(60));

        assertThat(ScanOrder.deciding(List.of(a, b, c))).containsSame(b);
        assertThat(ScanOrder.deciding(List.of(c, b, a))).containsSame(b);
        assertThat(ScanOrder.deciding(List.of())).isEmpty();
    }

    @Test
    void aCancelledShipmentOwesTheVoidOfItsLabelAndIsCancelledOnce() {
        Shipment shipment = labelled();

        assertThat(shipment.cancel(NOW.plusSeconds(60))).isEmpty();

        assertThat(shipment.isCancelled()).isTrue();
        assertThat(shipment.cancelledAt).isEqualTo(NOW.plusSeconds(60));
        assertThat(shipment.voidState).isEqualTo(Shipment.VoidState.PENDING);
        assertThatThrownBy(() -> shipment.cancel(NOW.plusSeconds(61))).isInstanceOf(IllegalStateException.class);
        assertThat(shipment.voidSettled(true, NOW.plusSeconds(62))).isEmpty();
        assertThat(shipment.voidState).isEqualTo(Shipment.VoidState.VOIDED);
        assertThatThrownBy(() -> shipment.voidFailed("late", NOW.plusSeconds(63)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aLabelMadeWhileTheReturnWasCancelledIsKeptToBeVoidedAndAnnouncedToNobody() {
        Shipment shipment = Shipment.forApprovedReturn(approved(), "simulated", NOW);
        shipment.cancel(NOW.plusSeconds(1));

        assertThat(shipment.labelCreated(LABEL, NOW.plusSeconds(2))).isEmpty();

        assertThat(shipment.labelState).isEqualTo(LabelState.CREATED);
        assertThat(shipment.trackingNumber).isEqualTo(LABEL.trackingNumber());
        assertThat(shipment.voidState).isEqualTo(Shipment.VoidState.PENDING);
    }

    @Test
    void aScanOfACancelledShipmentsVoidLabelMovesNothing() {
        Shipment shipment = labelled();
        shipment.cancel(NOW.plusSeconds(1));

        assertThat(apply(shipment, scan(shipment, "picked_up", NOW.plusSeconds(3600)))).isEmpty();
        assertThat(apply(shipment, scan(shipment, "delivered", NOW.plusSeconds(7200)))).isEmpty();

        assertThat(shipment.status).isEqualTo(ShipmentStatus.LABEL_CREATED);
        assertThat(shipment.statusAt).isEqualTo(NOW);
    }

    @Test
    void aVoidThatFailsForGoodKeepsTheReasonForOperations() {
        Shipment shipment = labelled();
        shipment.cancel(NOW.plusSeconds(1));

        assertThat(shipment.voidFailed("already in the carrier's network", NOW.plusSeconds(2))).isEmpty();

        assertThat(shipment.voidState).isEqualTo(Shipment.VoidState.FAILED);
        assertThat(shipment.voidError).isEqualTo("already in the carrier's network");
        assertThatThrownBy(() -> Shipment.forApprovedReturn(approved(), "simulated", NOW).voidSettled(false, NOW))
                .isInstanceOf(IllegalStateException.class);
    }

    private static Shipment labelled() {
        Shipment shipment = Shipment.forApprovedReturn(approved(), "simulated", NOW.minusSeconds(10));
        shipment.labelCreated(new ReturnLabel("SIMMX" + shipment.id, "https://labels.example.invalid/x.pdf"), NOW);
        return shipment;
    }

    /** Applies a scan after every scan applied to this shipment before (the stored timeline). */
    private static List<DomainEvent> apply(Shipment shipment, Scan scan) {
        List<Scan> earlier = TIMELINES.computeIfAbsent(shipment.id, id -> new ArrayList<>());
        List<DomainEvent> events = shipment.applyScan(scan, List.copyOf(earlier));
        earlier.add(scan);
        return events;
    }

    /**
     * A scan received 30 seconds after its carrier time (or just after NOW when it is stamped beyond the tolerance),
     * numbered in receipt order as the database does.
     */
    private static Scan scan(Shipment shipment, String carrierStatus, Instant scannedAt) {
        Instant received = scannedAt.isAfter(NOW.plus(TOLERANCE)) ? NOW.plusSeconds(30) : scannedAt.plusSeconds(30);
        Scan scan = Scan.reported(shipment.id, "simulated", UUID.randomUUID().toString(), carrierStatus, "CDMX",
                scannedAt, received, TOLERANCE);
        scan.receiptSeq = RECEIPTS.incrementAndGet();
        return scan;
    }

    static ReturnApproved approved() {
        return new ReturnApproved(UUID.randomUUID(), "MX-1001", "RMA-1",
                new CustomerContact("cust-1", "ana@example.mx", "es-MX", "MX"),
                List.of(new ReturnedLine("L1", "SKU-1", "Camisa", 1, Money.of("499.90", "MXN"), "DAMAGED")), NOW);
    }
}
