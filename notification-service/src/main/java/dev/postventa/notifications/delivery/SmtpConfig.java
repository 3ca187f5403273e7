package dev.postventa.notifications.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The SMTP client's settings ({@code postventa.smtp.*}; server and credentials default to {@code quarkus.mailer.*}). */
@ConfigMapping(prefix = "postventa.smtp")
public interface SmtpConfig {

    /** SMTP server host. */
    String host();

    /** SMTP server port. */
    int port();

    /** Login; when set, STARTTLS defaults to REQUIRED. */
    Optional<String> username();

    /** Password of {@link #username()}. */
    Optional<String> password();

    /** DISABLED, OPTIONAL or REQUIRED; unset = REQUIRED with a username, DISABLED without. */
    Optional<String> startTls();

    /** Longest wait for the TCP connection. */
    @WithDefault("10s")
    Duration connectTimeout();

    /** Longest silence of an open connection before the client closes it; shorter than the call timeout. */
    @WithDefault("20s")
    Duration readTimeout();

    /** Most connections to the server at once. */
    @WithDefault("10")
    int maxPoolSize();

    default SmtpSettings settings() {
        return new SmtpSettings(host(), port(), username(), password(), startTls(), connectTimeout(), readTimeout(),
                maxPoolSize());
    }
}
