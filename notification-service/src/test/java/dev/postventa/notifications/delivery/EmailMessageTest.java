package dev.postventa.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.mailer.Mail;
import io.vertx.ext.mail.SMTPException;
import java.net.ConnectException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Every attempt sends the same email with the same Message-ID; which failures no retry can fix. */
class EmailMessageTest {

    static final String FROM = "Postventa <no-reply@postventa.local>";
    final UUID id = UUID.fromString("0b5c8a36-3c59-4b0e-9d43-6c1f5d2f7a10");
    final EmailEffect effect = new EmailEffect(null, null, FROM);

    @Test
    void theMessageIdIsTheNotificationIdAtTheSendersDomainForEveryAttempt() {
        Mail first = EmailMessage.of(id, "ana@example.mx", "Asunto", "Hola\n", FROM);
        Mail retry = EmailMessage.of(id, "ana@example.mx", "Asunto", "Hola\n", FROM);

        assertThat(first.getHeaders().get("Message-ID"))
                .containsExactly("<0b5c8a36-3c59-4b0e-9d43-6c1f5d2f7a10@postventa.local>");
        assertThat(retry.getHeaders().get("Message-ID")).isEqualTo(first.getHeaders().get("Message-ID"));
        assertThat(first.getTo()).containsExactly("ana@example.mx");
        assertThat(first.getSubject()).isEqualTo("Asunto");
        assertThat(first.getText()).isEqualTo("Hola\n");
    }

    @Test
    void theDomainComesFromTheSenderWhicheverWayItIsWritten() {
        assertThat(EmailMessage.messageId(id, "avisos@tienda.example.mx")).endsWith("@tienda.example.mx>");
        assertThat(EmailMessage.messageId(id, "Tienda <avisos@tienda.example>")).endsWith("@tienda.example>");
        assertThat(EmailMessage.messageId(id, "no address")).endsWith("@postventa.local>");
        assertThat(EmailMessage.messageId(id, null)).endsWith("@postventa.local>");
    }

    @Test
    void aRecipientThatIsNoAddressIsRefusedBeforeSending() {
        for (String invalid : List.of("ana at example.mx", "@example.mx", " ", "ana@exa mple.mx")) {
            assertThatThrownBy(() -> EmailMessage.of(id, invalid, "Asunto", "Hola\n", FROM))
                    .as(invalid).isInstanceOf(InvalidRecipientException.class)
                    .hasMessageContaining("invalid recipient address");
        }
        assertThatThrownBy(() -> EmailMessage.of(id, null, "Asunto", "Hola\n", FROM))
                .isInstanceOf(InvalidRecipientException.class);
    }

    @Test
    void onlyAnAddressNoServerWillTakeIsPermanent() {
        assertThat(effect.isPermanent(new InvalidRecipientException("ana at example.mx", "no mailbox@domain")))
                .isTrue();
        assertThat(effect.isPermanent(new RuntimeException("wrapped",
                new InvalidRecipientException("x", "no mailbox@domain")))).isTrue();
        assertThat(effect.isPermanent(smtp(550, "550 5.1.1 no such user"))).isTrue();
        assertThat(effect.isPermanent(smtp(553, "553 mailbox name not allowed"))).isTrue();

        // The server, the network or a policy: another attempt may get through.
        assertThat(effect.isPermanent(smtp(421, "421 4.3.0 try again later"))).isFalse();
        assertThat(effect.isPermanent(smtp(451, "451 4.1.1 mailbox temporarily unavailable"))).isFalse();
        assertThat(effect.isPermanent(smtp(554, "554 5.7.1 relay denied"))).isFalse();
        assertThat(effect.isPermanent(new ConnectException("Connection refused"))).isFalse();
        assertThat(effect.isPermanent(new TimeoutException("no answer"))).isFalse();
    }

    @Test
    void aRecipientThatCarriesHeadersOrHasNoDomainIsRefusedBeforeSending() {
        for (String invalid : List.of("ana@example.mx\r\nBcc: x@evil.example", "ana@example.mx\nBcc: x@evil.example",
                "ana@example.mx\rBcc: x@evil.example", "ana@example.mx, x@evil.example", "Ana <ana@example.mx>",
                "ana@", "ana@.", "ana@example.", "ana@@example.mx", "ana@exa\u0000mple.mx")) {
            assertThatThrownBy(() -> EmailMessage.of(id, invalid, "Asunto", "Hola\n", FROM))
                    .as(invalid).isInstanceOf(InvalidRecipientException.class)
                    .hasMessageStartingWith("invalid recipient address")
                    .hasMessageNotContaining("\r").hasMessageNotContaining("\n")
                    // Logged by the worker: the reason never carries the customer's full address.
                    .hasMessageNotContaining("ana@example.mx");
        }
    }

    @Test
    void anHtmlAlternativeTravelsBesideTheTextAndAnEffectWithoutOneSendsTextAlone() {
        Mail both = EmailMessage.of(id, "ana@example.mx", "Asunto", "Hola\n", "<p>Hola</p>\n", FROM);
        io.vertx.ext.mail.MailMessage sent = EmailMessage.toVertx(both, FROM);
        assertThat(sent.getText()).isEqualTo("Hola\n");
        assertThat(sent.getHtml()).isEqualTo("<p>Hola</p>\n");

        assertThat(EmailMessage.toVertx(EmailMessage.of(id, "ana@example.mx", "Asunto", "Hola\n", FROM), FROM)
                .getHtml()).isNull();
        assertThat(EmailEffect.htmlOf(new dev.postventa.support.effect.Attempt(id, "email", id.toString(),
                "{\"html\":\"<p>Hola</p>\"}", 1))).isEqualTo("<p>Hola</p>");
        assertThat(EmailEffect.htmlOf(new dev.postventa.support.effect.Attempt(id, "email", id.toString(), null, 1)))
                .isNull();
    }

    @Test
    void aSubjectCannotCarryHeaders() {
        Mail mail = EmailMessage.of(id, "ana@example.mx", "Tu devoluci\u00f3n RMA-1\r\nBcc: x@evil.example\rX: y\u0085",
                "Hola\n", FROM);

        assertThat(mail.getSubject()).isEqualTo("Tu devoluci\u00f3n RMA-1 Bcc: x@evil.example X: y");
        assertThat(mail.getBcc()).isEmpty();
        assertThat(mail.getHeaders()).containsOnlyKeys("Message-ID");
    }

    private static SMTPException smtp(int code, String line) {
        return new SMTPException("sending", code, List.of(line), true);
    }
}
