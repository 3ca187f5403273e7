package dev.postventa.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the logs may say about a customer's address: enough to recognise it, never the whole of it. */
class EmailAddressesTest {

    @Test
    void anAddressKeepsItsFirstLetterAndItsDomain() {
        assertThat(EmailAddresses.mask("ana.lopez+rma@example.mx")).isEqualTo("a***@example.mx");
        assertThat(EmailAddresses.mask("a@example.mx")).isEqualTo("a***@example.mx");
        assertThat(EmailAddresses.mask("no address")).isEqualTo("***");
        assertThat(EmailAddresses.mask("")).isEqualTo("***");
        assertThat(EmailAddresses.mask(null)).isEqualTo("null");
    }

    @Test
    void everyAddressInAServersAnswerIsMasked() {
        assertThat(EmailAddresses.maskIn("550 5.1.1 <ana.lopez@example.mx>: no such user (also jo@b.example)"))
                .isEqualTo("550 5.1.1 <a***@example.mx>: no such user (also j***@b.example)");
        assertThat(EmailAddresses.maskIn("421 try again later")).isEqualTo("421 try again later");
        assertThat(EmailAddresses.maskIn(null)).isNull();
    }
}
