package dev.postventa.returns.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postventa.events.Money;
import dev.postventa.events.returns.InspectedLine;
import dev.postventa.events.returns.ReturnApproved;
import dev.postventa.events.returns.ReturnCancelled;
import dev.postventa.events.returns.ReturnInspected;
import dev.postventa.events.returns.ReturnResolved;
import dev.postventa.events.shipments.ReturnShipmentCreated;
import dev.postventa.events.shipments.ShipmentStatus;
import dev.postventa.events.shipments.ShipmentStatusChanged;
import dev.postventa.events.storefront.OrderLine;
import dev.postventa.events.storefront.StorefrontOrder;
import dev.postventa.events.storefront.StorefrontOrderEvent;
import dev.postventa.returns.orders.OrderSnapshot;
import dev.postventa.returns.resolution.KeepItemRule;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The steps after receipt and beside the journey: inspection, keep-the-item, cancellation; without a database. */
class ReturnSettlementStepsTest {

    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    private static final UUID SHIPMENT = UUID.randomUUID();
    private static final KeepItemRule KEEP_UNDER_150_MXN = new KeepItemRule(Map.of("MXN", new BigDecimal("150")),
            Map.of(), Map.of());

    @Test
    void aReceivedReturnIsInspectedAndResolvedWithTheAcceptedUnitsOnly() {
        ReturnRequest request = received("L1", 2);

        Transition done = request.inspect(List.of(new InspectedLine("L1", "SKU-1", "Camisa", 2, 1,
                InspectedLine.DAMAGED, "manchada", Money.of("74.99", "MXN"))), false, NOW);

        assertThat(request.status).isEqualTo(ReturnStatus.RESOLVED);
        assertThat(done.events()).hasSize(2);
        assertThat(done.events().get(0)).isInstanceOfSatisfying(ReturnInspected.class, e -> {
            assertThat(e.automatic()).isFalse();
            assertThat(e.partial()).isTrue();
        });
        assertThat(done.events().get(1)).isInstanceOfSatisfying(ReturnResolved.class, e -> {
            assertThat(e.refundAmount()).isEqualTo(Money.of("424.91", "MXN"));
            assertThat(e.restockingFees()).isEqualTo(Money.of("74.99", "MXN"));
            assertThat(e.keptByCustomer()).isFalse();
            assertThat(e.rmaNumber()).isEqualTo("RMA-1");
        });
        assertThat(done.history()).extracting(h -> h.status)
                .containsExactly(ReturnStatus.RECEIVED, ReturnStatus.RESOLVED);
        assertThat(request.resolution.refundAmount()).isEqualTo(Money.of("424.91", "MXN"));
    }

    @Test
    void aReturnIsInspectedOnceAndOnlyOnceReceived() {
        ReturnRequest request = received("L1", 1);
        request.inspect(List.of(resellable("L1", 1)), true, NOW);

        assertThatThrownBy(() -> request.inspect(List.of(resellable("L1", 1)), false, NOW))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("inspected and resolved already");
        ReturnRequest approved = approved("L1", 1);
        assertThatThrownBy(() -> approved.inspect(List.of(resellable("L1", 1)), false, NOW))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void aReturnOfOnlyKeptLinesIsResolvedOnApprovalWithEveryUnit() {
        ReturnRequest request = requested("L2", 2); // 2 × 49.00 MXN = 98.00, under 150

        Transition done = request.approve("RMA-1", NOW);

        assertThat(request.lines).allSatisfy(line -> assertThat(line.kept()).isTrue());
        assertThat(request.status).isEqualTo(ReturnStatus.RESOLVED);
        assertThat(done.events()).hasSize(2);
        assertThat(done.events().get(0)).isInstanceOfSatisfying(ReturnApproved.class,
                e -> assertThat(e.keptByCustomer()).isTrue());
        assertThat(done.events().get(1)).isInstanceOfSatisfying(ReturnResolved.class, e -> {
            assertThat(e.keptByCustomer()).isTrue();
            assertThat(e.refundAmount()).isEqualTo(Money.of("98.00", "MXN"));
            assertThat(e.lines()).singleElement().satisfies(l -> assertThat(l.acceptedQuantity()).isEqualTo(2));
        });
        // A label reported later for it is a note only.
        Transition label = request.labelCreated(new ReturnShipmentCreated(SHIPMENT, request.id, "RMA-1", "DHL",
                "TRK-1", "https://labels.example/1.pdf", request.customer(), NOW), NOW);
        assertThat(label.events()).isEmpty();
        assertThat(request.status).isEqualTo(ReturnStatus.RESOLVED);
    }

    @Test
    void aLineAtOrAboveTheThresholdIsShippedAsBefore() {
        ReturnRequest request = requested("L1", 1); // 499.90 MXN
        Transition done = request.approve("RMA-1", NOW);
        assertThat(request.lines).singleElement().satisfies(line -> {
            assertThat(line.kept()).isFalse();
            assertThat(line.category()).isEqualTo("apparel");
        });
        assertThat(request.status).isEqualTo(ReturnStatus.APPROVED);
        assertThat(done.events()).singleElement().isInstanceOfSatisfying(ReturnApproved.class,
                e -> assertThat(e.keptByCustomer()).isFalse());
    }

    @Test
    void aRequestedOrApprovedReturnIsCancelledOnceAndACancelledOneStaysCancelled() {
        ReturnRequest approved = approved("L1", 1);
        approved.trackingNumber = "TRK-1";

        Transition cancelled = approved.cancel(NOW);

        assertThat(approved.status).isEqualTo(ReturnStatus.CANCELLED);
        assertThat(cancelled.events()).singleElement().isInstanceOfSatisfying(ReturnCancelled.class, e -> {
            assertThat(e.rmaNumber()).isEqualTo("RMA-1");
            assertThat(e.trackingNumber()).isEqualTo("TRK-1");
        });
        Transition again = approved.cancel(NOW.plusSeconds(1));
        assertThat(again.events()).isEmpty();
        assertThat(again.history()).isEmpty();
        assertThat(again.unchanged()).isNotNull();

        ReturnRequest requested = requested("L1", 1);
        assertThat(requested.cancel(NOW).events()).singleElement().isInstanceOfSatisfying(ReturnCancelled.class,
                e -> assertThat(e.rmaNumber()).isNull());
    }

    @Test
    void aReturnPickedUpByTheCarrierCannotBeCancelled() {
        ReturnRequest request = approved("L1", 1);
        request.applyShipmentStatus(scan(request, ShipmentStatus.IN_TRANSIT), NOW);
        assertThatThrownBy(() -> request.cancel(NOW)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("already picked up");
        assertThat(request.status).isEqualTo(ReturnStatus.IN_TRANSIT);
    }

    @Test
    void scansAndLabelsOfACancelledReturnAreNotesOnly() {
        ReturnRequest request = approved("L1", 1);
        request.cancel(NOW);
        for (ShipmentStatus status : ShipmentStatus.values()) {
            Transition noted = request.applyShipmentStatus(scan(request, status), NOW);
            assertThat(noted.events()).isEmpty();
            assertThat(noted.history()).hasSize(1);
            assertThat(request.status).isEqualTo(ReturnStatus.CANCELLED);
        }
        Transition label = request.labelCreated(new ReturnShipmentCreated(SHIPMENT, request.id, "RMA-1", "DHL",
                "TRK-9", "https://labels.example/1.pdf", request.customer(), NOW), NOW);
        assertThat(label.events()).isEmpty();
        assertThat(request.trackingNumber).isNull();
        assertThat(request.status).isEqualTo(ReturnStatus.CANCELLED);
    }

    private static InspectedLine resellable(String lineId, int quantity) {
        return new InspectedLine(lineId, "SKU", "Camisa", quantity, quantity, InspectedLine.RESELLABLE, null,
                Money.of("0.00", "MXN"));
    }

    private static ReturnRequest requested(String lineId, int quantity) {
        return ReturnRequest.request(UUID.randomUUID(), order(), new CreateReturnRequest("MX-1",
                        List.of(new CreateReturnRequest.RequestedLine(lineId, quantity, ReasonCode.DAMAGED)), null),
                NOW, KEEP_UNDER_150_MXN.markerFor(order())).request();
    }

    private static ReturnRequest approved(String lineId, int quantity) {
        ReturnRequest request = requested(lineId, quantity);
        request.approve("RMA-1", NOW);
        return request;
    }

    private static ReturnRequest received(String lineId, int quantity) {
        ReturnRequest request = approved(lineId, quantity);
        request.applyShipmentStatus(scan(request, ShipmentStatus.DELIVERED_TO_WAREHOUSE), NOW);
        assertThat(request.status).isEqualTo(ReturnStatus.RECEIVED);
        return request;
    }

    private static OrderSnapshot order() {
        StorefrontOrder order = new StorefrontOrder("MX-1", "cust-1", "ana@example.mx", "es-MX", "MX", "MXN", List.of(
                new OrderLine("L1", "SKU-1", "Camisa", "apparel", 2, Money.of("499.90", "MXN"), false),
                new OrderLine("L2", "SKU-2", "Calcetas", "apparel", 3, Money.of("49.00", "MXN"), false)),
                NOW.minusSeconds(86_400 * 5), NOW.minusSeconds(86_400 * 3), null);
        return OrderSnapshot.from(new StorefrontOrderEvent("e-1", StorefrontOrderEvent.ORDER_DELIVERED,
                order.deliveredAt(), order));
    }

    private static ShipmentStatusChanged scan(ReturnRequest request, ShipmentStatus status) {
        return new ShipmentStatusChanged(SHIPMENT, request.id, "TRK-1", status, null, "carrier-" + status,
                "Monterrey", NOW);
    }
}
