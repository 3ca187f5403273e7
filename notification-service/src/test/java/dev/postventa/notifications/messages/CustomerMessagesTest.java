package dev.postventa.notifications.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.Money;
import dev.postventa.events.ReturnedLine;
import dev.postventa.events.UndecodableEventException;
import dev.postventa.events.refunds.RefundFailed;
import dev.postventa.events.refunds.RefundIssued;
import dev.postventa.events.returns.ReturnInTransit;
import dev.postventa.events.returns.ReturnReceived;
import dev.postventa.events.shipments.ReturnShipmentCreated;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which template and values each customer-facing event gives, and which events cannot be told to anybody. */
class CustomerMessagesTest {

    static final String EVENT_ID = "3f1c9a52-1111-4d2e-9f00-000000000001";
    static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");
    final UUID returnId = UUID.randomUUID();
    final CustomerContact ana = new CustomerContact("cust-7", "ana@example.mx", "es-MX", "MX");

    @Test
    void theLabelEmailCarriesRmaCarrierTrackingNumberAndLabel() {
        OutgoingMessage m = CustomerMessages.labelReady(new ReturnShipmentCreated(UUID.randomUUID(), returnId,
                "RMA-1", "Estafeta", "SIM42", "https://labels.invalid/SIM42.pdf", ana, AT), EVENT_ID);

        assertThat(m.template()).isEqualTo("return-approved");
        assertThat(m.returnId()).isEqualTo(returnId);
        assertThat(m.causationEventId()).isEqualTo(EVENT_ID);
        assertThat(m.customer()).isEqualTo(ana);
        assertThat(m.data()).isEqualTo(Map.of("rma", "RMA-1", "carrier", "Estafeta", "trackingNumber", "SIM42",
                "labelUrl", "https://labels.invalid/SIM42.pdf"));
    }

    @Test
    void anOptionalValueLeftOutReadsAsBlank() {
        OutgoingMessage m = CustomerMessages.inTransit(new ReturnInTransit(returnId, "MX-1", "RMA-1", null, ana, AT),
                EVENT_ID);

        assertThat(m.template()).isEqualTo("return-in-transit");
        assertThat(m.data()).isEqualTo(Map.of("rma", "RMA-1", "trackingNumber", ""));
    }

    @Test
    void theReceivedEmailCountsTheItemsAndAddsUpTheLines() {
        OutgoingMessage m = CustomerMessages.received(new ReturnReceived(returnId, "MX-1", "RMA-1", ana,
                List.of(line("499.90", 2), line("1299.00", 1)), AT), EVENT_ID);

        assertThat(m.template()).isEqualTo("return-received");
        assertThat(m.data()).containsEntry("items", 3).containsEntry("amount", Money.of("2298.80", "MXN"))
                .containsEntry("rma", "RMA-1");
    }

    @Test
    void refundsTellTheAmountAndTheReferenceOrTheReason() {
        Money amount = Money.of("350.00", "MXN");
        OutgoingMessage issued = CustomerMessages.refundIssued(new RefundIssued(UUID.randomUUID(), returnId, "MX-1",
                amount, "sim_re_123", ana, AT), EVENT_ID);
        OutgoingMessage failed = CustomerMessages.refundFailed(new RefundFailed(UUID.randomUUID(), returnId, "MX-1",
                amount, "tarjeta vencida", ana, AT), EVENT_ID);

        assertThat(issued.template()).isEqualTo("refund-issued");
        // No restocking fee (a producer before the fee): blank, the template says nothing of it.
        assertThat(issued.data()).isEqualTo(Map.of("amount", amount, "reference", "sim_re_123", "restockingFee", ""));
        assertThat(failed.template()).isEqualTo("refund-failed");
        assertThat(failed.data()).isEqualTo(Map.of("amount", amount, "reason", "tarjeta vencida"));
    }

    @Test
    void anEventWithNobodyToTellCannotBeUsed() {
        CustomerContact noEmail = new CustomerContact("cust-7", " ", "es-MX", "MX");
        assertThatThrownBy(() -> CustomerMessages.inTransit(new ReturnInTransit(returnId, "MX-1", "RMA-1", "SIM42",
                null, AT), EVENT_ID)).isInstanceOf(UndecodableEventException.class)
                .hasMessageContaining(EVENT_ID).hasMessageContaining("nobody to tell");
        assertThatThrownBy(() -> CustomerMessages.refundIssued(new RefundIssued(UUID.randomUUID(), returnId, "MX-1",
                Money.of("1.00", "MXN"), "ref", noEmail, AT), EVENT_ID)).isInstanceOf(UndecodableEventException.class);
        assertThatThrownBy(() -> CustomerMessages.refundFailed(new RefundFailed(UUID.randomUUID(), null, "MX-1",
                Money.of("1.00", "MXN"), "why", ana, AT), EVENT_ID)).isInstanceOf(UndecodableEventException.class);
        assertThatThrownBy(() -> CustomerMessages.received(new ReturnReceived(returnId, "MX-1", "RMA-1", ana,
                List.of(), AT), EVENT_ID)).isInstanceOf(UndecodableEventException.class)
                .hasMessageContaining("no lines");
    }

    private static ReturnedLine line(String unitPrice, int quantity) {
        return new ReturnedLine("L" + quantity, "SKU-" + quantity, "Camisa", quantity, Money.of(unitPrice, "MXN"),
                "DAMAGED");
    }
}
