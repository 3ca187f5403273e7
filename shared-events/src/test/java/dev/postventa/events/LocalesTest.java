package dev.postventa.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The locale a customer is written in when the storefront sent none: derived from the order's country. */
class LocalesTest {

    @Test
    void theCountriesWeSellInHaveTheirOwnLocale() {
        assertThat(Locales.forCountry("MX")).isEqualTo("es-MX");
        assertThat(Locales.forCountry("BR")).isEqualTo("pt-BR");
        assertThat(Locales.forCountry("ES")).isEqualTo("es-ES");
    }

    @Test
    void anyOtherOrNoCountryIsEnglish() {
        assertThat(Locales.forCountry("US")).isEqualTo("en");
        assertThat(Locales.forCountry("AR")).isEqualTo("en");
        assertThat(Locales.forCountry(null)).isEqualTo("en");
        assertThat(Locales.forCountry(" ")).isEqualTo("en");
    }

    @Test
    void aCountryIsReadAsStorefrontsWriteIt() {
        assertThat(Locales.forCountry("mx")).isEqualTo("es-MX");
        assertThat(Locales.forCountry(" br ")).isEqualTo("pt-BR");
    }

    @Test
    void aContactWithoutLocaleGetsTheDefaultOfItsCountry() {
        assertThat(new CustomerContact(null, "ana@example.mx", null, "MX").locale()).isEqualTo("es-MX");
        assertThat(new CustomerContact("c-1", "joao@example.br", "  ", "BR").locale()).isEqualTo("pt-BR");
        assertThat(new CustomerContact(null, "jo@example.com", null, null).locale()).isEqualTo("en");
    }

    @Test
    void aLocaleTheStorefrontSentIsKept() {
        assertThat(new CustomerContact(null, "ana@example.mx", "en-US", "MX").locale()).isEqualTo("en-US");
    }

    @Test
    void aGuestContactDecodedWithoutLocaleHasTheDefaultAndNoCustomerId() {
        CustomerContact guest = EventJson.fromJson("""
                {"customerId": null, "email": "ana@example.mx", "locale": null, "country": "MX"}
                """, CustomerContact.class);

        assertThat(guest.customerId()).isNull();
        assertThat(guest.locale()).isEqualTo("es-MX");
        assertThat(EventJson.toJson(guest)).contains("\"customerId\":null").contains("\"locale\":\"es-MX\"");
    }
}
