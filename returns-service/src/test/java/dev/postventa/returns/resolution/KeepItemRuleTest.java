package dev.postventa.returns.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keep the item: a line under its threshold (category, else country, else currency) stays with the customer. */
class KeepItemRuleTest {

    private final KeepItemRule rule = new KeepItemRule(
            Map.of("MXN", new BigDecimal("150"), "EUR", new BigDecimal("8")),
            Map.of("electronics", Map.of("MXN", BigDecimal.ZERO), "apparel", Map.of("BRL", new BigDecimal("60"))),
            Map.of("BR", Map.of("BRL", new BigDecimal("40")), "ES", Map.of("EUR", new BigDecimal("12"))));

    @Test
    void aLineUnderTheCurrencyThresholdIsKeptAndOneAtItIsNot() {
        assertThat(rule.keeps(new BigDecimal("149.99"), "MXN", "footwear", "MX")).isTrue();
        assertThat(rule.keeps(new BigDecimal("150.00"), "MXN", "footwear", "MX")).isFalse();
    }

    @Test
    void aCategoryOverrideWinsOverTheCountryAndTheCurrency() {
        assertThat(rule.keeps(new BigDecimal("1.00"), "MXN", "electronics", "MX")).isFalse();
        assertThat(rule.keeps(new BigDecimal("50.00"), "BRL", "apparel", "BR")).isTrue();
    }

    @Test
    void aCountryOverrideWinsOverTheCurrency() {
        assertThat(rule.keeps(new BigDecimal("10.00"), "EUR", "apparel", "ES")).isTrue();
        assertThat(rule.keeps(new BigDecimal("10.00"), "EUR", "apparel", "DE")).isFalse();
        assertThat(rule.keeps(new BigDecimal("39.00"), "BRL", "footwear", "BR")).isTrue();
    }

    @Test
    void aCurrencyWithoutAThresholdKeepsNothing() {
        assertThat(rule.keeps(new BigDecimal("0.01"), "USD", null, "US")).isFalse();
        assertThat(new KeepItemRule(Map.of(), Map.of(), Map.of()).keeps(BigDecimal.ONE, "MXN", null, null)).isFalse();
    }
}
