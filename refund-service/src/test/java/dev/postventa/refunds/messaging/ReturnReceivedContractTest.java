package dev.postventa.refunds.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.Money;
import dev.postventa.events.ReturnedLine;
import dev.postventa.events.UndecodableEventException;
import dev.postventa.events.returns.ReturnReceived;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a ReturnReceived must hold before a refund is owed for it (a broken one goes to the dead-letter topic). */
class ReturnReceivedContractTest {

    private static final CustomerContact ANA = new CustomerContact("cust-ana", "ana@example.mx", "es-MX", "MX");
    private static final UUID RETURN_ID = UUID.fromString("0b8e4a2c-3f4d-4e6a-9b1c-7d2e5f6a8b90");

    @Test
    void aCompleteReturnReceivedPasses() {
        ReturnReceived received = received(ANA, List.of(line(2, "499.90"), line(1, "0.0001")));

        assertThat(ReturnReceivedContract.check(received)).isSameAs(received);
    }

    @Test
    void aGuestWithoutCustomerIdPasses() {
        CustomerContact guest = new CustomerContact(null, "invitado@example.mx", "es-MX", "MX");
        ReturnReceived received = received(guest, List.of(line(1, "499.90")));

        assertThat(ReturnReceivedContract.check(received)).isSameAs(received);
    }

    @Test
    void noLinesBreakTheContract() {
        assertThatThrownBy(() -> ReturnReceivedContract.check(received(ANA, List.of())))
                .isInstanceOf(UndecodableEventException.class)
                .hasMessage("ReturnReceived " + RETURN_ID + " breaks its contract: there are no received lines");
    }

    @Test
    void everyBrokenLineAndAnIncompleteCustomerAreNamed() {
        CustomerContact noEmail = new CustomerContact("cust-ana", null, "es-MX", "MX");
        List<ReturnedLine> lines = List.of(line(0, "10.00"),
                new ReturnedLine("L2", "SKU", "Item", 1, new Money(new BigDecimal("-1.00"), "MXN"), "DEFECTIVE"),
                line(1, "1.00001"));

        assertThatThrownBy(() -> ReturnReceivedContract.check(received(noEmail, lines)))
                .isInstanceOf(UndecodableEventException.class)
                .hasMessageContaining("customer is missing or incomplete")
                .hasMessageContaining("has quantity 0")
                .hasMessageContaining("has unitPrice -1.00")
                .hasMessageContaining("has unitPrice 1.00001");
    }

    private static ReturnReceived received(CustomerContact customer, List<ReturnedLine> lines) {
        return new ReturnReceived(RETURN_ID, "MX-1001", "RMA-MX-1001", customer, lines, Instant.now());
    }

    private static ReturnedLine line(int quantity, String unitPrice) {
        return new ReturnedLine("L1", "SKU-SHIRT", "Camisa", quantity, Money.of(unitPrice, "MXN"), "DEFECTIVE");
    }
}
