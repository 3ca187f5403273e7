package dev.postventa.notifications.delivery;

import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.StartTLSOptions;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * How the SMTP client connects: server, credentials, STARTTLS (REQUIRED by default as soon as credentials are set,
 * so they never travel in clear), and the connect and read timeouts that let a server which stops answering go
 * before the effect worker's call timeout, so a silent connection never stays in the pool.
 *
 * @param startTls {@code SMTP_START_TLS}: DISABLED, OPTIONAL or REQUIRED; empty = decided by the credentials
 * @param readTimeout the longest silence on an open connection before the client closes it
 */
public record SmtpSettings(String host, int port, Optional<String> username, Optional<String> password,
                           Optional<String> startTls, Duration connectTimeout, Duration readTimeout, int maxPoolSize) {

    /** STARTTLS as configured; unset (or blank): REQUIRED with a username, DISABLED without. */
    public static StartTLSOptions startTls(Optional<String> configured, Optional<String> username) {
        Optional<String> set = configured.map(String::strip).filter(s -> !s.isEmpty());
        if (set.isEmpty()) {
            return hasText(username) ? StartTLSOptions.REQUIRED : StartTLSOptions.DISABLED;
        }
        try {
            return StartTLSOptions.valueOf(set.get().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("SMTP_START_TLS (postventa.smtp.start-tls) is '" + set.get()
                    + "': expected DISABLED, OPTIONAL or REQUIRED");
        }
    }

    /** The read timeout must end a silent attempt before the worker's call timeout does. */
    public static void requireWithin(Duration readTimeout, Duration callTimeout) {
        if (readTimeout.compareTo(callTimeout) >= 0) {
            throw new IllegalStateException("postventa.smtp.read-timeout (" + readTimeout
                    + ") must be shorter than postventa.effects.call-timeout (" + callTimeout + ")");
        }
    }

    /** The Vert.x mail client's configuration. */
    public MailConfig mailConfig() {
        MailConfig config = new MailConfig()
                .setHostname(host)
                .setPort(port)
                .setStarttls(startTls(startTls, username))
                .setMaxPoolSize(maxPoolSize)
                .setConnectTimeout(Math.toIntExact(connectTimeout.toMillis()))
                .setIdleTimeout(Math.toIntExact(readTimeout.toMillis()))
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
        if (hasText(username)) {
            config.setLogin(LoginOption.REQUIRED).setUsername(username.get()).setPassword(password.orElse(""));
        } else {
            config.setLogin(LoginOption.DISABLED);
        }
        return config;
    }

    private static boolean hasText(Optional<String> value) {
        return value.filter(v -> !v.isBlank()).isPresent();
    }
}
