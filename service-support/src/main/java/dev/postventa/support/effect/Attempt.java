package dev.postventa.support.effect;

import dev.postventa.events.EventJson;
import java.util.UUID;

/**
 * One attempt at an effect, as its handler sees it outside any transaction.
 *
 * @param key the business key; pass it to the partner as the idempotency key
 * @param number 1 for the first attempt
 */
public record Attempt(UUID effectId, String kind, String key, String payloadJson, int number) {

    /** The payload given when the effect was scheduled. */
    public <T> T payload(Class<T> type) {
        if (payloadJson == null) {
            throw new IllegalStateException("effect " + kind + "/" + key + " was scheduled without a payload");
        }
        return EventJson.fromJson(payloadJson, type);
    }
}
