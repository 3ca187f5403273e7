package dev.postventa.returns.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postventa.events.Money;
import dev.postventa.events.ReturnedLine;
import dev.postventa.events.returns.ReturnApproved;
import dev.postventa.events.returns.ReturnInTransit;
import dev.postventa.events.returns.ReturnReceived;
import dev.postventa.events.returns.ReturnRejected;
import dev.postventa.events.returns.ReturnRequested;
import dev.postventa.events.shipments.ReturnShipmentCreated;
import dev.postventa.events.shipments.ShipmentStatus;
import dev.postventa.events.shipments.ShipmentStatusChanged;
import dev.postventa.events.storefront.OrderLine;
import dev.postventa.events.storefront.StorefrontOrder;
import dev.postventa.events.storefront.StorefrontOrderEvent;
import dev.postventa.returns.orders.OrderSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every step of a return's state machine, legal and illegal, without a database. */
class ReturnRequestTest {

    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    private static final Instant SCAN = Instant.parse("2026-03-11T08:30:00Z");
    private static final UUID SHIPMENT = UUID.randomUUID();

    @Test
    void aNewReturnIsRequestedWithWhatWasPaidAndRaisesReturnRequested() {
        UUID id = UUID.randomUUID();
        Transition requested = ReturnRequest.request(id, order(), body("L1", 2), NOW);

        ReturnRequest request = requested.request();
        assertThat(request.status).isEqualTo(ReturnStatus.REQUESTED);
        assertThat(request.rmaNumber).isNull();
        // A request without resolutions is a refund; the line keeps the order line's category (return rules use it).
        assertThat(request.lines).containsExactly(new ReturnedLine("L1", "SKU-1", "Camisa", 2,
                Money.of("499.90", "MXN"), "DAMAGED", "apparel", ReturnedLine.REFUND, null, null, null, null, false));
        assertThat(request.customer().email()).isEqualTo("ana@example.mx");
        assertThat(requested.events()).singleElement().isInstanceOfSatisfying(ReturnRequested.class, e -> {
            assertThat(e.returnId()).isEqualTo(id);
            assertThat(e.orderId()).isEqualTo("MX-1");
            assertThat(e.lines()).isEqualTo(request.lines);
            assertThat(e.comment()).isEqualTo("too small");
            assertThat(e.requestedAt()).isEqualTo(NOW);
        });
        assertThat(requested.history()).singleElement().satisfies(h -> {
            assertThat(h.status).isEqualTo(ReturnStatus.REQUESTED);
            assertThat(h.at).isEqualTo(NOW);
        });
        assertThat(requested.unchanged()).isNull();
    }

    @Test
    void aLineThatIsNotInTheOrderCannotBeRequested() {
        assertThatThrownBy(() -> ReturnRequest.request(UUID.randomUUID(), order(), body("L9", 1), NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("L9");
    }

    @Test
    void aRequestedReturnIsApprovedWithItsRma() {
        ReturnRequest request = requested();
        Instant later = NOW.plusSeconds(1);

        Transition approved = request.approve("RMA-260310-ABCDEF", later);

        assertThat(request.status).isEqualTo(ReturnStatus.APPROVED);
        assertThat(request.rmaNumber).isEqualTo("RMA-260310-ABCDEF");
        assertThat(request.updatedAt).isEqualTo(later);
        assertThat(approved.events()).singleElement().isInstanceOfSatisfying(ReturnApproved.class, e -> {
            assertThat(e.rmaNumber()).isEqualTo("RMA-260310-ABCDEF");
            assertThat(e.lines()).isEqualTo(request.lines);
            assertThat(e.approvedAt()).isEqualTo(later);
        });
        assertThat(approved.history()).singleElement()
                .satisfies(h -> assertThat(h.status).isEqualTo(ReturnStatus.APPROVED));
    }

    @Test
    void onlyARequestedReturnCanBeApproved() {
        ReturnRequest request = approved();
        assertThatThrownBy(() -> request.approve("RMA-OTHER", NOW))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("is APPROVED")
                .hasMessageContaining("approved");
        assertThat(request.rmaNumber).isEqualTo("RMA-1");
    }

    @Test
    void operationsApproveARequestedReturnOnReview() {
        ReturnRequest request = requested();

        Transition approved = request.approveOnReview("RMA-260310-REVIEW", NOW.plusSeconds(5));

        assertThat(request.status).isEqualTo(ReturnStatus.APPROVED);
        assertThat(request.rmaNumber).isEqualTo("RMA-260310-REVIEW");
        assertThat(approved.events()).singleElement().isInstanceOfSatisfying(ReturnApproved.class,
                e -> assertThat(e.rmaNumber()).isEqualTo("RMA-260310-REVIEW"));
        assertThat(approved.history()).singleElement().satisfies(h -> {
            assertThat(h.status).isEqualTo(ReturnStatus.APPROVED);
            assertThat(h.detail).isEqualTo("approved by operations, RMA RMA-260310-REVIEW");
        });
        assertThatThrownBy(() -> request.approveOnReview("RMA-OTHER", NOW))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("is APPROVED");
        assertThat(request.rmaNumber).isEqualTo("RMA-260310-REVIEW");
    }

    @Test
    void operationsRejectARequestedReturnWithAReasonThatTheCustomerIsToldOf() {
        ReturnRequest request = requested();
        Instant later = NOW.plusSeconds(60);

        Transition rejected = request.reject("  worn outdoors ", later);

        assertThat(request.status).isEqualTo(ReturnStatus.REJECTED);
        assertThat(request.rmaNumber).isNull();
        assertThat(request.updatedAt).isEqualTo(later);
        assertThat(rejected.events()).singleElement().isInstanceOfSatisfying(ReturnRejected.class, event -> {
            assertThat(event.returnId()).isEqualTo(request.id);
            assertThat(event.orderId()).isEqualTo(request.orderId);
            assertThat(event.customer()).isEqualTo(request.customer());
            assertThat(event.lines()).isEqualTo(request.lines);
            assertThat(event.reason()).isEqualTo("worn outdoors");
            assertThat(event.rejectedAt()).isEqualTo(later);
        });
        assertThat(rejected.unchanged()).isNull();
        assertThat(rejected.history()).singleElement().satisfies(h -> {
            assertThat(h.status).isEqualTo(ReturnStatus.REJECTED);
            assertThat(h.detail).isEqualTo("rejected by operations: worn outdoors");
            assertThat(h.at).isEqualTo(later);
        });
    }

    @Test
    void onlyARequestedReturnCanBeRejectedAndARejectedOneGoesNowhere() {
        ReturnRequest approved = approved();
        assertThatThrownBy(() -> approved.reject("too late", NOW))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("is APPROVED")
                .hasMessageContaining("rejected");
        assertThat(approved.status).isEqualTo(ReturnStatus.APPROVED);

        ReturnRequest rejected = requested();
        rejected.reject("no", NOW);
        assertThatThrownBy(() -> rejected.reject("again", NOW)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> rejected.approve("RMA-2", NOW)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("is REJECTED");
        assertThatThrownBy(() -> rejected.labelCreated(label(rejected, "TRK-9"), NOW))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("is REJECTED");
        assertThatThrownBy(() -> rejected.applyShipmentStatus(scan(rejected, ShipmentStatus.DELIVERED_TO_WAREHOUSE),
                NOW)).isInstanceOf(IllegalTransitionException.class).hasMessageContaining("is REJECTED");
        assertThat(rejected.status).isEqualTo(ReturnStatus.REJECTED);
        assertThat(rejected.rmaNumber).isNull();
    }

    @Test
    void aRejectionNeedsAReason() {
        ReturnRequest request = requested();
        assertThatThrownBy(() -> request.reject(" ", NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThat(request.status).isEqualTo(ReturnStatus.REQUESTED);
    }

    @Test
    void aLabelGivesAnApprovedReturnItsTrackingNumber() {
        ReturnRequest request = approved();
        Transition labelled = request.labelCreated(label(request, "TRK-1"), NOW);

        assertThat(request.trackingNumber).isEqualTo("TRK-1");
        assertThat(request.status).isEqualTo(ReturnStatus.APPROVED);
        assertThat(labelled.events()).isEmpty();
        assertThat(labelled.history()).singleElement()
                .satisfies(h -> assertThat(h.detail).contains("DHL").contains("TRK-1"));
        assertThat(labelled.unchanged()).isNull();
    }

    @Test
    void aReturnThatIsNotApprovedCannotGetALabelOrAScan() {
        ReturnRequest request = requested();
        assertThatThrownBy(() -> request.labelCreated(label(request, "TRK-1"), NOW))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("REQUESTED");
        assertThatThrownBy(() -> request.applyShipmentStatus(scan(request, ShipmentStatus.IN_TRANSIT), NOW))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("REQUESTED");
        assertThat(request.status).isEqualTo(ReturnStatus.REQUESTED);
        assertThat(request.trackingNumber).isNull();
    }

    @Test
    void aLabelReportedForAReturnAlreadyOnItsWayIsAHistoryNoteOnly() {
        ReturnRequest request = approved();
        request.applyShipmentStatus(scan(request, ShipmentStatus.IN_TRANSIT), NOW);

        Transition late = request.labelCreated(label(request, "TRK-2"), NOW);

        assertThat(request.trackingNumber).isEqualTo("TRK-1");
        assertThat(late.events()).isEmpty();
        assertThat(late.history()).hasSize(1);
        assertThat(late.unchanged()).contains("IN_TRANSIT");
    }

    @Test
    void pickedUpMovesAnApprovedReturnInTransit() {
        for (ShipmentStatus pickedUp : List.of(ShipmentStatus.IN_TRANSIT, ShipmentStatus.OUT_FOR_DELIVERY)) {
            ReturnRequest request = approved();
            Transition moved = request.applyShipmentStatus(scan(request, pickedUp), NOW);

            assertThat(request.status).isEqualTo(ReturnStatus.IN_TRANSIT);
            assertThat(request.trackingNumber).isEqualTo("TRK-1");
            assertThat(moved.events()).singleElement().isInstanceOfSatisfying(ReturnInTransit.class, e -> {
                assertThat(e.trackingNumber()).isEqualTo("TRK-1");
                assertThat(e.inTransitAt()).isEqualTo(SCAN);
                assertThat(e.rmaNumber()).isEqualTo("RMA-1");
            });
            assertThat(moved.history()).singleElement().satisfies(h -> {
                assertThat(h.status).isEqualTo(ReturnStatus.IN_TRANSIT);
                assertThat(h.at).isEqualTo(SCAN);
                assertThat(h.detail).isEqualTo("carrier scan " + pickedUp + " at Monterrey");
            });
        }
    }

    @Test
    void deliveredToTheWarehouseReceivesEveryApprovedLine() {
        ReturnRequest inTransit = approved();
        inTransit.applyShipmentStatus(scan(inTransit, ShipmentStatus.IN_TRANSIT), NOW);
        Transition received = inTransit.applyShipmentStatus(scan(inTransit, ShipmentStatus.DELIVERED_TO_WAREHOUSE), NOW);
        assertThat(inTransit.status).isEqualTo(ReturnStatus.RECEIVED);
        assertThat(received.events()).singleElement().isInstanceOfSatisfying(ReturnReceived.class, e -> {
            assertThat(e.lines()).isEqualTo(inTransit.lines);
            assertThat(e.receivedAt()).isEqualTo(SCAN);
        });

        // A missed pick-up scan does not hold the return back.
        ReturnRequest approved = approved();
        Transition straight = approved.applyShipmentStatus(scan(approved, ShipmentStatus.DELIVERED_TO_WAREHOUSE), NOW);
        assertThat(approved.status).isEqualTo(ReturnStatus.RECEIVED);
        assertThat(straight.events()).singleElement().isInstanceOf(ReturnReceived.class);
    }

    @Test
    void aReturnNeverMovesBackwardsAndOlderScansAreRecognisedAsNotesOnly() {
        ReturnRequest request = approved();
        request.applyShipmentStatus(scan(request, ShipmentStatus.DELIVERED_TO_WAREHOUSE), NOW);

        Transition olderPickUp = request.applyShipmentStatus(scan(request, ShipmentStatus.IN_TRANSIT), NOW);
        Transition againDelivered = request.applyShipmentStatus(scan(request, ShipmentStatus.DELIVERED_TO_WAREHOUSE), NOW);

        assertThat(request.status).isEqualTo(ReturnStatus.RECEIVED);
        assertThat(olderPickUp.events()).isEmpty();
        assertThat(olderPickUp.unchanged()).isEqualTo("return is already RECEIVED");
        assertThat(olderPickUp.history()).singleElement()
                .satisfies(h -> assertThat(h.status).isEqualTo(ReturnStatus.RECEIVED));
        assertThat(againDelivered.events()).isEmpty();
        assertThat(againDelivered.unchanged()).isEqualTo("return was already received");

        ReturnRequest inTransit = approved();
        inTransit.applyShipmentStatus(scan(inTransit, ShipmentStatus.IN_TRANSIT), NOW);
        Transition outForDelivery = inTransit.applyShipmentStatus(scan(inTransit, ShipmentStatus.OUT_FOR_DELIVERY), NOW);
        assertThat(inTransit.status).isEqualTo(ReturnStatus.IN_TRANSIT);
        assertThat(outForDelivery.events()).isEmpty();
        assertThat(outForDelivery.unchanged()).isEqualTo("return is already IN_TRANSIT");
    }

    @Test
    void labelAndExceptionScansAreKeptInTheHistoryWithoutMovingTheReturn() {
        for (ShipmentStatus other : List.of(ShipmentStatus.LABEL_CREATED, ShipmentStatus.EXCEPTION)) {
            ReturnRequest request = approved();
            Transition noted = request.applyShipmentStatus(scan(request, other), NOW);
            assertThat(request.status).isEqualTo(ReturnStatus.APPROVED);
            assertThat(noted.events()).isEmpty();
            assertThat(noted.history()).singleElement()
                    .satisfies(h -> assertThat(h.detail).isEqualTo("carrier scan " + other + " at Monterrey"));
            assertThat(noted.unchanged()).isNotNull();
        }
    }

    @Test
    void aScanTakesItsTrackingNumberWhenNoLabelWasSeen() {
        ReturnRequest request = approved();
        request.applyShipmentStatus(scan(request, ShipmentStatus.EXCEPTION), NOW);
        assertThat(request.trackingNumber).isEqualTo("TRK-1");
    }

    @Test
    void anEventAboutAnotherReturnIsRefused() {
        ReturnRequest request = approved();
        ReturnRequest other = approved();
        assertThatThrownBy(() -> request.applyShipmentStatus(scan(other, ShipmentStatus.IN_TRANSIT), NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(request.status).isEqualTo(ReturnStatus.APPROVED);
    }

    private static OrderSnapshot order() {
        StorefrontOrder order = new StorefrontOrder("MX-1", "cust-1", "ana@example.mx", "es-MX", "MX", "MXN", List.of(
                new OrderLine("L1", "SKU-1", "Camisa", "apparel", 2, Money.of("499.90", "MXN"), false)),
                NOW.minusSeconds(86_400 * 5), NOW.minusSeconds(86_400 * 3), null);
        return OrderSnapshot.from(new StorefrontOrderEvent("e-1", StorefrontOrderEvent.ORDER_DELIVERED,
                order.deliveredAt(), order));
    }

    private static CreateReturnRequest body(String lineId, int quantity) {
        return new CreateReturnRequest("MX-1",
                List.of(new CreateReturnRequest.RequestedLine(lineId, quantity, ReasonCode.DAMAGED)), "too small");
    }

    private static ReturnRequest requested() {
        return ReturnRequest.request(UUID.randomUUID(), order(), body("L1", 1), NOW).request();
    }

    private static ReturnRequest approved() {
        ReturnRequest request = requested();
        request.approve("RMA-1", NOW);
        return request;
    }

    private static ReturnShipmentCreated label(ReturnRequest request, String trackingNumber) {
        return new ReturnShipmentCreated(SHIPMENT, request.id, request.rmaNumber, "DHL", trackingNumber,
                "https://labels.example/1.pdf", request.customer(), NOW);
    }

    private static ShipmentStatusChanged scan(ReturnRequest request, ShipmentStatus status) {
        return new ShipmentStatusChanged(SHIPMENT, request.id, "TRK-1", status, null, "carrier-" + status,
                "Monterrey", SCAN);
    }
}
