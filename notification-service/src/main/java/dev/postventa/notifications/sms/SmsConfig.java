package dev.postventa.notifications.sms;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Settings of the SMS channel ({@code postventa.sms.*}). */
@ConfigMapping(prefix = "postventa.sms")
public interface SmsConfig {

    /** {@code none} (no SMS is stored or sent, only email) or {@code twilio}. */
    @WithDefault("none")
    String provider();

    /** Twilio's Messages API. */
    Twilio twilio();

    /** True when SMS can be sent at all. */
    default boolean enabled() {
        return "twilio".equalsIgnoreCase(provider().strip());
    }

    interface Twilio {

        /** Base URL of the API, without the {@code /2010-04-01} path (tests point it at a stub). */
        @WithDefault("https://api.twilio.com")
        String baseUrl();

        /** The account (AC...), also the basic-auth user name. */
        Optional<String> accountSid();

        /** The account's auth token, the basic-auth password: a secret, never logged. */
        Optional<String> authToken();

        /** The sender number (E.164) or alphanumeric id; ignored when a messaging service is set. */
        Optional<String> from();

        /** A messaging service (MG...) that picks the sender; sent instead of {@code From} when set. */
        Optional<String> messagingServiceSid();
    }
}
