package dev.postventa.notifications.messages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postventa.events.Money;
import org.junit.jupiter.api.Test;

/** Which language a customer is written in, and how their amounts are written. */
class LocalizationTest {

    @Test
    void theExactLocaleWinsThenItsLanguageThenEnglish() {
        assertThat(MessageLanguage.of("pt-BR")).isEqualTo("pt-BR");
        assertThat(MessageLanguage.of("pt_br")).isEqualTo("pt-BR");
        assertThat(MessageLanguage.of("pt-PT")).isEqualTo("pt-BR");
        assertThat(MessageLanguage.of("es-MX")).isEqualTo("es");
        assertThat(MessageLanguage.of("es-ES")).isEqualTo("es");
        assertThat(MessageLanguage.of("es")).isEqualTo("es");
        assertThat(MessageLanguage.of("en-GB")).isEqualTo("en");
        assertThat(MessageLanguage.of("de-DE")).isEqualTo("en");
        assertThat(MessageLanguage.of("")).isEqualTo("en");
        assertThat(MessageLanguage.of(null)).isEqualTo("en");
        assertThat(MessageLanguage.of("not a locale")).isEqualTo("en");
    }

    @Test
    void amountsAreWrittenTheCustomersWayWithTheCodeOnlyWhenTheSymbolIsShared() {
        assertThat(format("2298.80", "MXN", "es-MX", "MX")).isEqualTo("$2,298.80 MXN");
        assertThat(format("1299", "BRL", "pt-BR", "BR")).isEqualTo("R$ 1.299,00");
        assertThat(format("49.95", "EUR", "de-DE", "DE")).isEqualTo("49,95 €");
        // The order's country completes a bare language; the code is not repeated when it is the symbol.
        assertThat(format("2298.80", "MXN", "es", "MX")).isEqualTo("$2,298.80 MXN");
        assertThat(format("49.95", "USD", "es-MX", "MX")).isEqualTo("USD49.95");
        assertThat(format("1500", "JPY", "ja-JP", "JP")).isEqualTo("￥1,500 JPY");
        assertThat(format("10", "USD", null, null)).isEqualTo("$10.00 USD");
    }

    private static String format(String amount, String currency, String locale, String country) {
        return LocalMoney.format(Money.of(amount, currency), locale, country).replace('\u00a0', ' ');
    }
}
