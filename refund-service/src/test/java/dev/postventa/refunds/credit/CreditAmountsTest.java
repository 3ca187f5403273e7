package dev.postventa.refunds.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postventa.events.Money;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The shop's bonus on store credit: added, rounded half-even to the currency's digits, never below what was owed. */
class CreditAmountsTest {

    @Test
    void tenPercentIsAdded() {
        CreditAmounts amounts = CreditAmounts.of(Money.of("1299.00", "MXN"), new BigDecimal("10"));

        assertThat(amounts.issued()).isEqualTo(Money.of("1428.90", "MXN"));
        assertThat(amounts.bonus()).isEqualTo(Money.of("129.90", "MXN"));
    }

    @Test
    void theBonusIsRoundedHalfEvenToTheCurrencysDigits() {
        // 0.25 × 1.10 = 0.275 → 0.28 (the 7 rounds up); 0.05 × 1.10 = 0.055 → 0.06? half-even: 0.055 → 0.06 (5 after
        // an odd digit); 0.15 × 1.10 = 0.165 → 0.16 (5 after an even digit stays).
        assertThat(CreditAmounts.of(Money.of("0.25", "MXN"), BigDecimal.TEN).issued()).isEqualTo(Money.of("0.28", "MXN"));
        assertThat(CreditAmounts.of(Money.of("0.05", "MXN"), BigDecimal.TEN).issued()).isEqualTo(Money.of("0.06", "MXN"));
        assertThat(CreditAmounts.of(Money.of("0.15", "MXN"), BigDecimal.TEN).issued()).isEqualTo(Money.of("0.16", "MXN"));
        assertThat(CreditAmounts.of(Money.of("1001", "JPY"), BigDecimal.TEN).issued()).isEqualTo(Money.of("1101", "JPY"));
    }

    @Test
    void zeroPercentDisablesTheBonus() {
        CreditAmounts amounts = CreditAmounts.of(Money.of("50.00", "BRL"), BigDecimal.ZERO);

        assertThat(amounts.issued()).isEqualTo(Money.of("50.00", "BRL"));
        assertThat(amounts.bonus()).isEqualTo(Money.zero("BRL"));
    }

    @Test
    void anOwedAmountWithMoreDigitsThanTheCurrencyIsNeverRoundedBelowItself() {
        CreditAmounts amounts = CreditAmounts.of(Money.of("10.0049", "MXN"), BigDecimal.ZERO);

        assertThat(amounts.issued()).isEqualTo(Money.of("10.01", "MXN"));
    }

    @Test
    void nothingOwedOrANegativeBonusIsRefused() {
        assertThatThrownBy(() -> CreditAmounts.of(Money.zero("MXN"), BigDecimal.TEN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CreditAmounts.of(Money.of("1.00", "MXN"), new BigDecimal("-1")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
