package dev.postventa.notifications.delivery;

import io.quarkus.mailer.Mail;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.mailencoder.EmailAddress;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Builds the email of a notification, the same for every attempt: SMTP has no idempotency key, so its
 * {@code Message-ID} is derived from the notification id ({@code <id@sender domain>}) and mailbox providers can
 * recognise a copy sent by a retry. Values from partners' events never become headers: the recipient must be one
 * plain {@code mailbox@domain} and line breaks or other control characters in the subject become spaces.
 */
public final class EmailMessage {

    static final String DEFAULT_DOMAIN = "postventa.local";
    /** One mailbox@domain: no spaces, control characters, commas, brackets, quotes or a second address. */
    private static final Pattern PLAIN_ADDRESS = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u0085\\u2028\\u2029]+");

    private EmailMessage() {
    }

    /** The email; throws {@link InvalidRecipientException} when the recipient is not one plain email address. */
    public static Mail of(UUID notificationId, String recipient, String subject, String body, String from) {
        return of(notificationId, recipient, subject, body, null, from);
    }

    /**
     * The email with its HTML alternative when there is one (multipart/alternative: the text first, the HTML the
     * client prefers); text only when {@code html} is null.
     */
    public static Mail of(UUID notificationId, String recipient, String subject, String body, String html,
                          String from) {
        requireAddress(recipient);
        Mail mail = Mail.withText(recipient, headerValue(subject), body)
                .addHeader("Message-ID", messageId(notificationId, from));
        return html == null || html.isBlank() ? mail : mail.setHtml(html);
    }

    /** The same email for the Vert.x mail client. */
    static MailMessage toVertx(Mail mail, String from) {
        MailMessage message = new MailMessage().setFrom(from).setTo(mail.getTo()).setSubject(mail.getSubject())
                .setText(mail.getText()).setHtml(mail.getHtml());
        mail.getHeaders().forEach((name, values) -> values.forEach(value -> message.addHeader(name, value)));
        return message;
    }

    /** {@code <notification id@domain of the sender>}: stable across attempts. */
    public static String messageId(UUID notificationId, String from) {
        return "<" + notificationId + "@" + domainOf(from) + ">";
    }

    /** A header value on one line: line breaks (and every other control character) become one space. */
    static String headerValue(String value) {
        return value == null ? null : CONTROL.matcher(value).replaceAll(" ").strip();
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
        if (recipient == null || recipient.isBlank()) {
            throw new InvalidRecipientException(recipient, "no address");
        }
        if (CONTROL.matcher(recipient).find()) {
            throw new InvalidRecipientException(recipient, "line breaks or control characters");
        }
        if (recipient.indexOf('@') <= 0) {
            throw new InvalidRecipientException(recipient, "no mailbox@domain");
        }
        if (!PLAIN_ADDRESS.matcher(recipient).matches()) {
            throw new InvalidRecipientException(recipient, "not one plain mailbox@domain (with a dotted domain)");
        }
        try {
            new EmailAddress(recipient);
        } catch (IllegalArgumentException e) {
            throw new InvalidRecipientException(recipient, "unreadable");
        }
    }
}
