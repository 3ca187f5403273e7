package dev.postventa.notifications.merchant;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The answer to a subscription's creation: the only place its signing secret is ever shown. */
public record CreatedSubscriptionView(UUID id, String url, List<String> eventTypes, String description,
                                      Instant createdAt, String secret) {

    static CreatedSubscriptionView of(MerchantWebhookSubscription s) {
        return new CreatedSubscriptionView(s.id, s.url, s.types(), s.description, s.createdAt, s.secret);
    }
}
