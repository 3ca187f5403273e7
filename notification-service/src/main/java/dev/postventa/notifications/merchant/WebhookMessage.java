package dev.postventa.notifications.merchant;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * What a merchant receives for one event, as Standard Webhooks suggests: {@code {"type": <ce_type>, "timestamp":
 * <event time, ISO-8601>, "data": <the event's JSON exactly as on the topic>}}, and its stable webhook id.
 */
public final class WebhookMessage {

    private WebhookMessage() {
    }

    /** The same for every attempt and every subscription: the merchant deduplicates on it. */
    public static String webhookId(String eventId) {
        return "msg_" + eventId;
    }

    /** The body, built once; {@code data} is copied byte for byte (it is already JSON, never re-encoded). */
    public static String body(String type, Instant eventTime, byte[] data) {
        return "{\"type\":\"" + quote(type) + "\",\"timestamp\":\"" + eventTime + "\",\"data\":"
                + new String(data, StandardCharsets.UTF_8) + "}";
    }

    private static String quote(String text) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(text));
    }
}
