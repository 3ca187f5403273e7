package dev.postventa.refunds.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.Money;
import dev.postventa.events.ReturnedLine;
import dev.postventa.events.UndecodableEventException;
import dev.postventa.events.returns.ResolvedLine;
import dev.postventa.events.returns.ReturnResolved;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a ReturnResolved must hold before money is settled for it (a broken one goes to the dead-letter topic). */
class ReturnResolvedContractTest {

    private static final CustomerContact ANA = new CustomerContact("cust-ana", "ana@example.mx", "es-MX", "MX");
    private static final UUID RETURN_ID = UUID.fromString("0b8e4a2c-3f4d-4e6a-9b1c-7d2e5f6a8b90");

    @Test
    void aCompleteResolutionPasses() {
        ReturnResolved resolved = resolved(ANA, List.of(line(2, "499.90"), line(1, "0.0001")), "500.0001", "499.80");

        assertThat(ReturnResolvedContract.check(resolved)).isSameAs(resolved);
    }

    @Test
    void aGuestWithoutCustomerIdPasses() {
        CustomerContact guest = new CustomerContact(null, "invitado@example.mx", "es-MX", "MX");
        ReturnResolved resolved = resolved(guest, List.of(line(1, "499.90")), "0", "499.90");

        assertThat(ReturnResolvedContract.check(resolved)).isSameAs(resolved);
    }

    @Test
    void aLineInspectionRefusedEntirelyPasses() {
        ReturnResolved resolved = resolved(ANA, List.of(line(0, "499.90"), line(1, "10.00")), "10.00", "0");

        assertThat(ReturnResolvedContract.check(resolved)).isSameAs(resolved);
    }

    @Test
    void noLinesBreakTheContract() {
        assertThatThrownBy(() -> ReturnResolvedContract.check(resolved(ANA, List.of(), "0", "0")))
                .isInstanceOf(UndecodableEventException.class)
                .hasMessage("ReturnResolved " + RETURN_ID + " breaks its contract: there are no resolved lines");
    }

    @Test
    void moreMoneyBackThanWasPaidForTheAcceptedUnitsBreaksTheContract() {
        assertThatThrownBy(() -> ReturnResolvedContract.check(resolved(ANA, List.of(line(1, "100.00")), "60.00",
                "40.01")))
                .isInstanceOf(UndecodableEventException.class)
                .hasMessageContaining("refundAmount + creditAmount 100.01 is more than the 100.00 paid");
    }

    @Test
    void amountsInDifferentCurrenciesOrNegativeBreakTheContract() {
        ReturnResolved mixed = new ReturnResolved(RETURN_ID, "MX-1001", "RMA-MX-1001", ANA, List.of(line(1, "10.00")),
                Money.of("5.00", "MXN"), Money.of("5.00", "USD"), Money.zero("MXN"), false, Instant.now());
        assertThatThrownBy(() -> ReturnResolvedContract.check(mixed))
                .hasMessageContaining("refundAmount, creditAmount and restockingFees are in different currencies");
        assertThatThrownBy(() -> ReturnResolvedContract.check(resolved(ANA, List.of(line(1, "10.00")), "-1.00", "0")))
                .hasMessageContaining("refundAmount is -1.00");
    }

    @Test
    void creditForLinesInSeveralCurrenciesBreaksTheContract() {
        List<ResolvedLine> lines = List.of(line(1, "10.00"), new ResolvedLine("L2", "SKU", "Cap", 1,
                Money.of("20.00", "USD"), ReturnedLine.STORE_CREDIT, null, Money.zero("USD"), Money.of("20.00", "USD"),
                ReturnedLine.STORE_CREDIT));
        assertThatThrownBy(() -> ReturnResolvedContract.check(resolved(ANA, lines, "0", "10.00")))
                .hasMessageContaining("creditAmount is owed for lines in several currencies");
    }

    @Test
    void everyBrokenLineAndAnIncompleteCustomerAreNamed() {
        CustomerContact noEmail = new CustomerContact("cust-ana", null, "es-MX", "MX");
        List<ResolvedLine> lines = List.of(line(-1, "10.00"),
                new ResolvedLine("L2", "SKU", "Item", 1, new Money(new BigDecimal("-1.00"), "MXN"), "REFUND", null,
                        Money.zero("MXN"), Money.zero("MXN"), "REFUND"),
                line(1, "1.00001"));

        assertThatThrownBy(() -> ReturnResolvedContract.check(resolved(noEmail, lines, "0", "0")))
                .isInstanceOf(UndecodableEventException.class)
                .hasMessageContaining("customer is missing or incomplete")
                .hasMessageContaining("has acceptedQuantity -1")
                .hasMessageContaining("has unitPrice -1.00")
                .hasMessageContaining("has unitPrice 1.00001");
    }

    private static ReturnResolved resolved(CustomerContact customer, List<ResolvedLine> lines, String refund,
                                           String credit) {
        return new ReturnResolved(RETURN_ID, "MX-1001", "RMA-MX-1001", customer, lines, Money.of(refund, "MXN"),
                Money.of(credit, "MXN"), Money.zero("MXN"), false, Instant.now());
    }

    private static ResolvedLine line(int quantity, String unitPrice) {
        Money price = Money.of(unitPrice, "MXN");
        return new ResolvedLine("L1", "SKU-SHIRT", "Camisa", quantity, price, ReturnedLine.REFUND, null,
                Money.zero("MXN"), price.times(Math.max(quantity, 0)), ReturnedLine.REFUND);
    }
}
