package dev.postventa.notifications.merchant;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A subscription as listed: never its secret. */
public record SubscriptionView(UUID id, String url, List<String> eventTypes, String description, Instant createdAt) {

    static SubscriptionView of(MerchantWebhookSubscription s) {
        return new SubscriptionView(s.id, s.url, s.types(), s.description, s.createdAt);
    }
}
