package dev.postventa.notifications.sms;

/** The provider refused the message (HTTP 4xx other than 408/429): sending it again cannot work. */
public class SmsRefusedException extends RuntimeException {

    public SmsRefusedException(String message) {
        super(message);
    }
}
