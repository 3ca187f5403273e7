package dev.postventa.notifications.delivery;

import io.quarkus.mailer.Mail;
import io.vertx.ext.mail.mailencoder.EmailAddress;
import java.util.UUID;

/**
 * Builds the email of a notification, the same for every attempt: SMTP has no idempotency key, so its
 * {@code Message-ID} is derived from the notification id ({@code <id@sender domain>}) and mailbox providers can
 * recognise a copy sent by a retry.
 */
public final class EmailMessage {

    static final String DEFAULT_DOMAIN = "postventa.local";

    private EmailMessage() {
    }

    /** The email; throws {@link InvalidRecipientException} when the recipient is no email address at all. */
    public static Mail of(UUID notificationId, String recipient, String subject, String body, String from) {
        requireAddress(recipient);
        return Mail.withText(recipient, subject, body).addHeader("Message-ID", messageId(notificationId, from));
    }

    /** {@code <notification id@domain of the sender>}: stable across attempts. */
    public static String messageId(UUID notificationId, String from) {
        return "<" + notificationId + "@" + domainOf(from) + ">";
    }

    static String domainOf(String from) {
        int at = from == null ? -1 : from.lastIndexOf('@');
        if (at < 0) {
            return DEFAULT_DOMAIN;
        }
        String domain = from.substring(at + 1).replace(">", "").strip();
        return domain.isEmpty() ? DEFAULT_DOMAIN : domain;
    }

    /** Parsed as the SMTP client will parse it, so that an address no retry can fix is known before sending. */
    static void requireAddress(String recipient) {
        if (recipient == null || recipient.isBlank() || recipient.strip().indexOf('@') <= 0) {
            throw new InvalidRecipientException(recipient, "no mailbox@domain");
        }
        try {
            new EmailAddress(recipient);
        } catch (IllegalArgumentException e) {
            throw new InvalidRecipientException(recipient, e.getMessage());
        }
    }
}
