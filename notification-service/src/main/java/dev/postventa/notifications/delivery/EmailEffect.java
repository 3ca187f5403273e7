package dev.postventa.notifications.delivery;

import dev.postventa.events.DomainEvent;
import dev.postventa.notifications.notification.DeliveryOutcomes;
import dev.postventa.notifications.notification.Notification;
import dev.postventa.notifications.notification.NotificationAttempt;
import dev.postventa.support.effect.Attempt;
import dev.postventa.support.effect.EffectHandler;
import dev.postventa.support.failure.Causes;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.mailer.Mail;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Delivers a stored notification by email for the shared effect worker (kind {@value #KIND}, key = notification id):
 * the send happens outside any transaction, every attempt is recorded as a {@link NotificationAttempt}, and the
 * notification's own transitions decide the rest ({@code SENT} announced as {@code CustomerNotified}, or
 * {@code FAILED}). SMTP has no idempotency key: should the process die after the server accepted a message and
 * before the outcome is written, the next attempt sends a copy with the same {@code Message-ID}.
 */
@ApplicationScoped
public class EmailEffect implements EffectHandler<Void> {

    public static final String KIND = "email";

    private final SmtpSender smtp;
    private final DeliveryOutcomes outcomes;
    private final String from;

    EmailEffect(SmtpSender smtp, DeliveryOutcomes outcomes,
                @ConfigProperty(name = "quarkus.mailer.from") String from) {
        this.smtp = smtp;
        this.outcomes = outcomes;
        this.from = from;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Uni<Void> perform(Attempt attempt) {
        UUID id = notificationId(attempt);
        return Panache.withSession(() -> Notification.<Notification>findById(id))
                .chain(n -> {
                    if (n == null) {
                        return Uni.createFrom().failure(new NotificationMissingException(id));
                    }
                    Mail mail = EmailMessage.of(n.id, n.recipient, n.subject, n.body, htmlOf(attempt), from);
                    return smtp.send(EmailMessage.toVertx(mail, from)).replaceWithVoid();
                })
                // The worker logs and stores the failure's message: a server's answer may quote the address.
                .onFailure(failure -> !(failure instanceof InvalidRecipientException))
                .transform(failure -> new DeliveryFailedException(failure));
    }

    @Override
    public Uni<List<DomainEvent>> succeeded(Attempt attempt, Void answer) {
        return outcomes.sent(attempt, null);
    }

    @Override
    public Uni<List<DomainEvent>> failed(Attempt attempt, String reason) {
        return outcomes.givenUp(attempt, reason);
    }

    @Override
    public Uni<Void> willRetry(Attempt attempt, String reason, Instant nextAttemptAt) {
        return outcomes.willRetry(attempt, reason);
    }

    @Override
    public boolean isPermanent(Throwable failure) {
        return Causes.any(failure, t -> t instanceof InvalidRecipientException
                || t instanceof NotificationMissingException
                || t instanceof SMTPException smtp && refusesTheAddress(smtp));
    }

    /** A permanent (5xx) SMTP answer about the address: 5.1.x (bad mailbox, bad syntax) or 553 (name not allowed). */
    static boolean refusesTheAddress(SMTPException smtp) {
        return smtp.isPermanent() && (smtp.getEnhancedStatus() == SMTPException.EnhancedStatus.OTHER_ADDRESS
                || smtp.getReplyCode() == 553);
    }


    /** The HTML alternative scheduled with the effect; null for an effect owed before HTML emails (text only). */
    static String htmlOf(Attempt attempt) {
        return attempt.payloadJson() == null ? null : attempt.payload(HtmlPart.class).html();
    }

    private static UUID notificationId(Attempt attempt) {
        return UUID.fromString(attempt.key());
    }

    /** A send that failed, described without the addresses its cause may quote; the cause is kept for the checks. */
    static final class DeliveryFailedException extends RuntimeException {

        DeliveryFailedException(Throwable cause) {
            super(EmailAddresses.maskIn(describe(cause)), cause);
        }

        private static String describe(Throwable failure) {
            String message = failure.getMessage();
            return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
        }
    }

    /** The effect names a notification that does not exist (deleted by hand). */
    static final class NotificationMissingException extends RuntimeException {

        NotificationMissingException(UUID id) {
            super("notification " + id + " does not exist");
        }
    }
}
