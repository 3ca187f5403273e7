package dev.postventa.notifications.merchant;

import java.util.List;

/** {@code POST /merchant-webhooks}: where to send which event types, and a note for people. */
public record SubscriptionRequest(String url, List<String> eventTypes, String description) {
}
