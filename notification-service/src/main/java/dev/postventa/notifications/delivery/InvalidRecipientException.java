package dev.postventa.notifications.delivery;

/**
 * The recipient is not an email address: no retry can deliver the message. The message names the address masked
 * ({@link EmailAddresses#mask}) because the effect worker logs it.
 */
public class InvalidRecipientException extends RuntimeException {

    public InvalidRecipientException(String recipient, String why) {
        super("invalid recipient address '" + EmailAddresses.mask(recipient) + "': " + why);
    }
}
