package dev.postventa.support.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postventa.events.CustomerContact;
import org.junit.jupiter.api.Test;

class CustomerColumnsTest {

    @Test
    void aContactIsStoredAndReadBackUnchanged() {
        CustomerContact ana = new CustomerContact("cust-4711", "ana.lopez@example.mx", "es-MX", "MX");

        CustomerColumns columns = CustomerColumns.of(ana);

        assertThat(columns.customerId).isEqualTo("cust-4711");
        assertThat(columns.email).isEqualTo("ana.lopez@example.mx");
        assertThat(columns.locale).isEqualTo("es-MX");
        assertThat(columns.country).isEqualTo("MX");
        assertThat(columns.toContact()).isEqualTo(ana);
    }
}
