package dev.postventa.tracking.notices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.Money;
import dev.postventa.events.ReturnedLine;
import dev.postventa.events.returns.ReturnApproved;
import dev.postventa.events.shipments.ReturnLabelReminderDue;
import dev.postventa.events.shipments.ReturnShipmentException;
import dev.postventa.events.shipments.ReturnShipmentStalled;
import dev.postventa.events.shipments.ShipmentStatus;
import dev.postventa.tracking.carriers.CarrierPort.ReturnLabel;
import dev.postventa.tracking.shipment.Scan;
import dev.postventa.tracking.shipment.Shipment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The notice rules on shipments in memory: which notice is due when, once, and for which shipments never. */
class ShipmentNoticesRulesTest {

    static final Instant LABEL_AT = Instant.parse("2026-11-01T10:00:00Z");
    static final ShipmentNotices.Slas SLAS = new ShipmentNotices.Slas(Duration.ofDays(7), Duration.ofHours(72),
            Duration.ofDays(5));

    @Test
    void anUnusedLabelIsRemindedAfterFiveDaysThenStalledAfterSevenEachOnce() {
        Shipment shipment = labelled();
        assertThat(ShipmentNotices.due(shipment, null, LABEL_AT.plus(Duration.ofDays(5)), SLAS)).isEmpty();

        Instant day6 = LABEL_AT.plus(Duration.ofDays(6));
        assertThat(ShipmentNotices.due(shipment, null, day6, SLAS)).singleElement()
                .isInstanceOfSatisfying(ReturnLabelReminderDue.class, r -> {
                    assertThat(r.labelCreatedAt()).isEqualTo(LABEL_AT);
                    assertThat(r.remindedAt()).isEqualTo(day6);
                    assertThat(r.labelUrl()).isEqualTo("https://labels.example.invalid/42.pdf");
                });
        assertThat(shipment.labelRemindedAt).isEqualTo(day6);
        assertThat(ShipmentNotices.due(shipment, null, day6.plusSeconds(1), SLAS)).isEmpty();

        Instant day8 = LABEL_AT.plus(Duration.ofDays(8));
        assertThat(ShipmentNotices.due(shipment, null, day8, SLAS)).singleElement()
                .isInstanceOfSatisfying(ReturnShipmentStalled.class, s -> {
                    assertThat(s.status()).isEqualTo(ShipmentStatus.LABEL_CREATED);
                    assertThat(s.lastMovementAt()).isEqualTo(LABEL_AT);
                    assertThat(s.threshold()).isEqualTo("PT168H");
                });
        assertThat(ShipmentNotices.due(shipment, null, day8.plusSeconds(60), SLAS)).isEmpty();
    }

    @Test
    void aLabelThatStallsBeforeItsReminderGetsTheStallOnly() {
        Shipment shipment = labelled();
        assertThat(ShipmentNotices.due(shipment, null, LABEL_AT.plus(Duration.ofDays(9)), SLAS)).singleElement()
                .isInstanceOf(ReturnShipmentStalled.class);
        assertThat(ShipmentNotices.due(shipment, null, LABEL_AT.plus(Duration.ofDays(9)).plusSeconds(1), SLAS))
                .isEmpty();
    }

    @Test
    void aMovingParcelStallsByOurReceiptOfItsLatestScanAndAgainAfterTheStallIsCleared() {
        Shipment shipment = labelled();
        shipment.status = ShipmentStatus.IN_TRANSIT;
        // The carrier's time is days old; we received the scan an hour ago: not stalled.
        shipment.statusAt = LABEL_AT;
        Instant received = LABEL_AT.plus(Duration.ofDays(10));
        assertThat(ShipmentNotices.due(shipment, received, received.plus(Duration.ofHours(71)), SLAS)).isEmpty();
        assertThat(ShipmentNotices.due(shipment, received, received.plus(Duration.ofHours(73)), SLAS)).singleElement()
                .isInstanceOfSatisfying(ReturnShipmentStalled.class, s -> {
                    assertThat(s.lastMovementAt()).isEqualTo(received);
                    assertThat(s.threshold()).isEqualTo("PT72H");
                });
        // A received scan clears the marker (ShipmentService): the next stall is told.
        shipment.stallNotifiedAt = null;
        Instant later = received.plus(Duration.ofDays(4));
        assertThat(ShipmentNotices.due(shipment, later, later.plus(Duration.ofHours(73)), SLAS)).hasSize(1);
        // A scanned label is never reminded.
        assertThat(shipment.labelRemindedAt).isNull();
    }

    @Test
    void cancelledDeliveredOrLabelLessShipmentsGetNoNotice() {
        Instant late = LABEL_AT.plus(Duration.ofDays(30));
        Shipment cancelled = labelled();
        cancelled.cancel(LABEL_AT.plusSeconds(60));
        Shipment delivered = labelled();
        delivered.status = ShipmentStatus.DELIVERED_TO_WAREHOUSE;
        Shipment pending = Shipment.forApprovedReturn(approved(), "simulated", LABEL_AT);
        for (Shipment shipment : List.of(cancelled, delivered, pending)) {
            assertThat(ShipmentNotices.due(shipment, null, late, SLAS)).isEmpty();
        }
        Scan lost = Scan.reported(cancelled.id, "simulated", "e1", "lost", null, late, late, Duration.ofDays(1));
        lost.status = ShipmentStatus.EXCEPTION;
        assertThat(ShipmentNotices.exceptionOf(cancelled, lost)).isEmpty();
        assertThat(ShipmentNotices.exceptionOf(delivered, lost)).isEmpty();
    }

    @Test
    void anExceptionScanIsToldWithItsKindAndTheCarriersWord() {
        Shipment shipment = labelled();
        Instant scanned = LABEL_AT.plus(Duration.ofDays(1));
        Scan scan = Scan.reported(shipment.id, "simulated", "e1", "return_to_sender", "QRO", scanned,
                scanned.plusSeconds(5), Duration.ofDays(1));
        assertThat(ShipmentNotices.exceptionOf(shipment, scan)).get()
                .isInstanceOfSatisfying(ReturnShipmentException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ReturnShipmentException.RETURNED_TO_SENDER);
                    assertThat(e.carrierStatus()).isEqualTo("return_to_sender");
                    assertThat(e.scannedAt()).isEqualTo(scanned);
                    assertThat(e.receivedAt()).isEqualTo(scanned.plusSeconds(5));
                    assertThat(e.shipmentId()).isEqualTo(shipment.id);
                });
        Scan moving = Scan.reported(shipment.id, "simulated", "e2", "in_transit", "QRO", scanned, scanned,
                Duration.ofDays(1));
        assertThat(ShipmentNotices.exceptionOf(shipment, moving)).isEmpty();
    }

    @Test
    void aShipmentsOwnStallDeadlineDecidesAndItsSlaIsTold() {
        Shipment shipment = labelled();
        // A stricter rule of its carrier and country (StallDeadlines): stalled after 2 days, not the global 7.
        shipment.stallDueAt = LABEL_AT.plus(Duration.ofDays(2));
        shipment.stallSla = "PT48H";
        assertThat(ShipmentNotices.due(shipment, null, LABEL_AT.plus(Duration.ofDays(2)), SLAS)).isEmpty();
        assertThat(ShipmentNotices.due(shipment, null, LABEL_AT.plus(Duration.ofDays(2)).plusSeconds(1), SLAS))
                .singleElement().isInstanceOfSatisfying(ReturnShipmentStalled.class, s -> {
                    assertThat(s.threshold()).isEqualTo("PT48H");
                    assertThat(s.lastMovementAt()).isEqualTo(LABEL_AT);
                });
    }

    @Test
    void aLabelWhoseShipByIsNearIsRemindedBeforeTheFixedPeriodAndTheReminderCarriesIt() {
        Shipment shipment = labelled();
        shipment.shipBy = LABEL_AT.plus(Duration.ofDays(4));
        ShipmentNotices.Slas slas = new ShipmentNotices.Slas(Duration.ofDays(7), Duration.ofHours(72),
                Duration.ofDays(5), Duration.ofDays(2), Duration.ofHours(24));
        assertThat(ShipmentNotices.due(shipment, null, LABEL_AT.plus(Duration.ofDays(2)), slas)).isEmpty();
        assertThat(ShipmentNotices.due(shipment, null, LABEL_AT.plus(Duration.ofDays(2)).plusSeconds(1), slas))
                .singleElement().isInstanceOfSatisfying(ReturnLabelReminderDue.class,
                        r -> assertThat(r.shipBy()).isEqualTo(shipment.shipBy));
    }

    private static Shipment labelled() {
        Shipment shipment = Shipment.forApprovedReturn(approved(), "simulated", LABEL_AT);
        shipment.labelCreated(new ReturnLabel("SIMMX000000000042", "https://labels.example.invalid/42.pdf"), LABEL_AT);
        return shipment;
    }

    private static ReturnApproved approved() {
        return new ReturnApproved(UUID.randomUUID(), "MX-1001", "RMA-1",
                new CustomerContact("cust-1", "ana@example.mx", "es-MX", "MX"),
                List.of(new ReturnedLine("L1", "SKU-1", "Camisa", 1, Money.of("499.90", "MXN"), "DAMAGED")), LABEL_AT);
    }
}
