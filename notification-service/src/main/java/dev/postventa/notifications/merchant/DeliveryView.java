package dev.postventa.notifications.merchant;

import java.time.Instant;
import java.util.UUID;

/** One delivery as the deliveries endpoint shows it (the body is not repeated). */
public record DeliveryView(UUID id, String eventId, String eventType, String webhookId, String status, int attempts,
                           Integer lastHttpStatus, String lastError, Instant nextAttemptAt, Instant createdAt,
                           Instant deliveredAt) {

    static DeliveryView of(MerchantWebhookDelivery d) {
        return new DeliveryView(d.id, d.eventId, d.eventType, d.webhookId, d.status.name(), d.attempts,
                d.lastHttpStatus, d.lastError, d.nextAttemptAt, d.createdAt, d.deliveredAt);
    }
}
