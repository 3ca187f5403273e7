package dev.postventa.infra;

import com.standardwebhooks.Webhook;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Signs a webhook body the way a carrier does under Standard Webhooks, for tests and demo commands. */
public final class WebhookSigner {

    private final String secret;

    public WebhookSigner(String secret) {
        this.secret = secret;
    }

    /** The three Standard Webhooks headers for {@code body}, signed now. */
    public Map<String, String> headers(String body) {
        return headers(body, UUID.randomUUID().toString(), Instant.now());
    }

    public Map<String, String> headers(String body, String webhookId, Instant at) {
        try {
            long timestamp = at.getEpochSecond();
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("webhook-id", webhookId);
            headers.put("webhook-timestamp", String.valueOf(timestamp));
            headers.put("webhook-signature", new Webhook(secret).sign(webhookId, timestamp, body));
            return headers;
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign webhook", e);
        }
    }
}
