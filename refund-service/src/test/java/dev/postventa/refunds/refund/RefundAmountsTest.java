package dev.postventa.refunds.refund;

import static dev.postventa.refunds.refund.RefundTest.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.postventa.events.Money;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a received return is worth, without infrastructure. */
class RefundAmountsTest {

    @Test
    void theAmountIsUnitPriceTimesQuantitySummedOverTheLines() {
        assertThat(RefundAmounts.of(List.of(line("L1", 2, "499.90", "MXN"), line("L2", 1, "1299.00", "MXN"))))
                .contains(Money.of("2298.80", "MXN"));
    }

    @Test
    void theAmountKeepsTheCurrencysScaleAndUpToFourDecimals() {
        assertThat(RefundAmounts.of(List.of(line("L1", 3, "0.3333", "EUR")))).contains(Money.of("0.9999", "EUR"));
        assertThat(RefundAmounts.of(List.of(line("L1", 2, "10.5", "BRL")))).hasValueSatisfying(
                amount -> assertThat(amount.amount().toPlainString()).isEqualTo("21.00"));
    }

    @Test
    void mixedCurrenciesHaveNoSingleAmount() {
        List<dev.postventa.events.ReturnedLine> lines = List.of(line("L1", 1, "499.90", "MXN"),
                line("L2", 1, "20.00", "USD"), line("L3", 1, "1.00", "MXN"));

        assertThat(RefundAmounts.of(lines)).isEmpty();
        assertThat(RefundAmounts.currencies(lines)).containsExactly("MXN", "USD");
    }

    @Test
    void noLinesHaveNoAmount() {
        assertThat(RefundAmounts.of(List.of())).isEmpty();
    }
}
