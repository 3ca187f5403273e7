package dev.postventa.notifications.delivery;

/** The recipient is not an email address: no retry can deliver the message. */
public class InvalidRecipientException extends RuntimeException {

    public InvalidRecipientException(String recipient, String why) {
        super("invalid recipient address '" + recipient + "': " + why);
    }
}
