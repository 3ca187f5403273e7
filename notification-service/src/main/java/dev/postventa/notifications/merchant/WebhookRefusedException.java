package dev.postventa.notifications.merchant;

/** The merchant's endpoint refused the delivery (a 4xx other than 408/429, or a redirect): no retry will help. */
public class WebhookRefusedException extends RuntimeException {

    public WebhookRefusedException(String message) {
        super(message);
    }
}
