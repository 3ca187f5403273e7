package dev.postventa.notifications.sms;

import io.smallrye.mutiny.Uni;

/** The port to an SMS provider: sends one text, answers the provider's message id or fails. */
public interface SmsSender {

    /**
     * Sends {@code body} to {@code to} (E.164). Fails with {@link SmsRefusedException} when the provider refuses the
     * message for good (invalid number, bad request), with any other exception when it may work later.
     */
    Uni<String> send(String to, String body);
}
