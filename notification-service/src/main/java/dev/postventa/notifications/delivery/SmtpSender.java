package dev.postventa.notifications.delivery;

import dev.postventa.support.effect.EffectsConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.MailResult;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.mail.MailClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Sends emails with the Vert.x mail client, configured by {@link SmtpConfig}: the Quarkus mailer sets neither a connect
 * nor a read timeout, so a server that accepts the connection and never answers would keep it (and a pool slot) for
 * good; here it is closed after {@code read-timeout}, before the effect worker's call timeout.
 */
@ApplicationScoped
public class SmtpSender {

    private static final Logger LOG = Logger.getLogger(SmtpSender.class);

    private final MailClient client;

    SmtpSender(Vertx vertx, SmtpConfig config, EffectsConfig effects) {
        SmtpSettings settings = config.settings();
        SmtpSettings.requireWithin(settings.readTimeout(), effects.callTimeout());
        var mailConfig = settings.mailConfig();
        LOG.infof("SMTP %s:%d, STARTTLS %s, login %s, connect timeout %s, read timeout %s", settings.host(),
                settings.port(), mailConfig.getStarttls(), mailConfig.getLogin(), settings.connectTimeout(),
                settings.readTimeout());
        this.client = MailClient.create(vertx, mailConfig);
    }

    public Uni<MailResult> send(MailMessage message) {
        return client.sendMail(message);
    }

    @PreDestroy
    void close() {
        client.closeAndForget();
    }
}
