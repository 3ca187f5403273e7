package dev.postventa.infra;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * A real SMTP server (GreenMail) that keeps every message it accepts, for tests and for the local stack's mailbox
 * page. It can be stopped and started again on the same port to play an SMTP outage.
 */
public final class SmtpInbox implements AutoCloseable {

    private final int port;
    private GreenMail server;

    private SmtpInbox(int port) {
        this.port = port;
    }

    public static SmtpInbox start(int port) {
        SmtpInbox inbox = new SmtpInbox(port);
        inbox.start();
        return inbox;
    }

    public static SmtpInbox onFreePort() {
        return start(FreePorts.next());
    }

    public synchronized void start() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** Every message accepted since the server (re)started, oldest first. */
    public synchronized List<Mail> messages() {
        if (server == null) {
            return List.of();
        }
        List<Mail> mails = new ArrayList<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            mails.add(Mail.of(message));
        }
        return mails;
    }

    /** Waits until {@code count} messages match; fails after {@code timeout}. */
    public List<Mail> awaitMessages(Predicate<Mail> match, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<Mail> matched = List.of();
        while (Instant.now().isBefore(deadline)) {
            matched = messages().stream().filter(match).toList();
            if (matched.size() >= count) {
                return matched;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("expected " + count + " matching emails within " + timeout + " but found "
                + matched.size());
    }

    /**
     * One accepted email, decoded: {@code body} is the plain text (the text/plain part of a multipart/alternative
     * email), {@code html} the text/html part (null when the email has none).
     */
    public record Mail(String from, List<String> to, String subject, String body, Instant receivedAt, String html) {

        static Mail of(MimeMessage message) {
            try {
                return new Mail(Arrays.toString(message.getFrom()),
                        Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList(),
                        message.getSubject(), text(message),
                        message.getReceivedDate() != null ? message.getReceivedDate().toInstant() : Instant.now(),
                        part(message, "text/html"));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }

        private static String text(MimeMessage message) throws MessagingException {
            try {
                // Decoded text (accents arrive quoted-printable on the wire).
                Object content = message.getContent();
                String plain = content instanceof Multipart ? part(message, "text/plain") : null;
                String text = content instanceof String s ? s : plain != null ? plain : GreenMailUtil.getBody(message);
                return text.replace("\r\n", "\n");
            } catch (java.io.IOException e) {
                throw new MessagingException("cannot read body", e);
            }
        }

        /** The decoded part of that content type in a multipart email (nested parts included), else null. */
        private static String part(Part part, String contentType) throws MessagingException {
            try {
                Object content = part.getContent();
                if (content instanceof Multipart multipart) {
                    for (int i = 0; i < multipart.getCount(); i++) {
                        String found = part(multipart.getBodyPart(i), contentType);
                        if (found != null) {
                            return found;
                        }
                    }
                    return null;
                }
                return part.isMimeType(contentType) && content instanceof String s
                        ? s.replace("\r\n", "\n") : null;
            } catch (java.io.IOException e) {
                throw new MessagingException("cannot read part", e);
            }
        }
    }
}
