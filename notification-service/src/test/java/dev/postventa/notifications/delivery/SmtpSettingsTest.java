package dev.postventa.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.StartTLSOptions;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Credentials never travel in clear by default; a server that stops answering is let go. */
class SmtpSettingsTest {

    @Test
    void withCredentialsStartTlsIsRequiredUnlessSetOtherwise() {
        assertThat(SmtpSettings.startTls(Optional.empty(), Optional.of("postventa"))).isEqualTo(StartTLSOptions.REQUIRED);
        assertThat(SmtpSettings.startTls(Optional.of(" "), Optional.of("postventa"))).isEqualTo(StartTLSOptions.REQUIRED);
        assertThat(SmtpSettings.startTls(Optional.of("optional"), Optional.of("postventa")))
                .isEqualTo(StartTLSOptions.OPTIONAL);
        assertThat(SmtpSettings.startTls(Optional.of("DISABLED"), Optional.of("postventa")))
                .isEqualTo(StartTLSOptions.DISABLED);
    }

    @Test
    void withoutCredentialsStartTlsIsOffUnlessSetOtherwise() {
        assertThat(SmtpSettings.startTls(Optional.empty(), Optional.empty())).isEqualTo(StartTLSOptions.DISABLED);
        assertThat(SmtpSettings.startTls(Optional.empty(), Optional.of(""))).isEqualTo(StartTLSOptions.DISABLED);
        assertThat(SmtpSettings.startTls(Optional.of("REQUIRED"), Optional.empty())).isEqualTo(StartTLSOptions.REQUIRED);
        assertThatThrownBy(() -> SmtpSettings.startTls(Optional.of("sometimes"), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SMTP_START_TLS").hasMessageContaining("REQUIRED");
    }

    @Test
    void theClientGivesUpAConnectionThatStopsAnsweringBeforeTheCallTimeout() {
        SmtpSettings settings = new SmtpSettings("mail.example", 587, Optional.of("postventa"), Optional.of("secret"),
                Optional.empty(), Duration.ofSeconds(10), Duration.ofSeconds(20), 10);
        MailConfig config = settings.mailConfig();

        assertThat(config.getHostname()).isEqualTo("mail.example");
        assertThat(config.getPort()).isEqualTo(587);
        assertThat(config.getStarttls()).isEqualTo(StartTLSOptions.REQUIRED);
        assertThat(config.getLogin()).isEqualTo(LoginOption.REQUIRED);
        assertThat(config.getUsername()).isEqualTo("postventa");
        assertThat(config.getConnectTimeout()).isEqualTo(10_000);
        assertThat(config.getIdleTimeout()).isEqualTo(20_000);
        assertThat(config.getIdleTimeoutUnit()).isEqualTo(java.util.concurrent.TimeUnit.MILLISECONDS);
        assertThat(config.getMaxPoolSize()).isEqualTo(10);

        SmtpSettings anonymous = new SmtpSettings("localhost", 2525, Optional.empty(), Optional.empty(),
                Optional.empty(), Duration.ofSeconds(10), Duration.ofSeconds(20), 10);
        assertThat(anonymous.mailConfig().getLogin()).isEqualTo(LoginOption.DISABLED);
        assertThat(anonymous.mailConfig().getStarttls()).isEqualTo(StartTLSOptions.DISABLED);
    }

    @Test
    void aReadTimeoutAtOrBeyondTheCallTimeoutIsRefusedAtStartup() {
        assertThatThrownBy(() -> SmtpSettings.requireWithin(Duration.ofSeconds(30), Duration.ofSeconds(30)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("read-timeout");
        SmtpSettings.requireWithin(Duration.ofSeconds(20), Duration.ofSeconds(30));
    }
}
