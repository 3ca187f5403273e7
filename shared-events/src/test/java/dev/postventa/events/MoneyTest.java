package dev.postventa.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Money adds up exactly, refuses to mix currencies, and knows each currency's usual scale. */
class MoneyTest {

    @Test
    void linesAddUpWithoutFloatingPointErrors() {
        Money total = Money.of("0.10", "MXN").times(3).plus(Money.of("0.20", "MXN"));
        assertThat(total).isEqualTo(Money.of("0.50", "MXN"));
        assertThat(Money.of("499.90", "MXN").times(2).plus(Money.of("1299.00", "MXN"))).isEqualTo(Money.of("2298.80", "MXN"));
    }

    @Test
    void currenciesNeverMix() {
        assertThatThrownBy(() -> Money.of("1.00", "EUR").plus(Money.of("1.00", "BRL")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BRL");
        assertThatThrownBy(() -> Money.of("1.00", "PESOS")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void normalisedMoneyHasTheCurrencysScale() {
        assertThat(new Money(new BigDecimal("2298.8000"), "MXN").normalized()).isEqualTo(Money.of("2298.80", "MXN"));
        assertThat(new Money(new BigDecimal("1500.0000"), "JPY").normalized()).isEqualTo(Money.of("1500", "JPY"));
        assertThat(new Money(new BigDecimal("1.2345"), "EUR").normalized().amount()).isEqualByComparingTo("1.2345");
        assertThat(Money.zero("BRL")).isEqualTo(Money.of("0.00", "BRL"));
    }

    @Test
    void invalidCurrenciesAreRefusedWithTheCodeInTheMessage() {
        assertThatThrownBy(() -> Money.of("10.00", "mxn")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mxn");
        assertThatThrownBy(() -> Money.of("10.00", "XYZ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an ISO 4217 currency code: XYZ");
        assertThatThrownBy(() -> Money.zero("REAL")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Money(null, "EUR")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Money(BigDecimal.ONE, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void timesAndPlusKeepTheCurrencyAndTheExactDecimal() {
        Money brl = Money.of("159.50", "BRL").times(2).plus(Money.of("289.90", "BRL"));
        assertThat(brl.currency()).isEqualTo("BRL");
        assertThat(brl.amount()).isEqualTo(new BigDecimal("608.90"));
        assertThat(Money.of("24.99", "EUR").times(0)).isEqualTo(Money.of("0.00", "EUR"));
    }
}
