package dev.postventa.tracking.webhooks;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import dev.postventa.support.problem.ProblemException;
import dev.postventa.tracking.TrackingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Authenticates carrier webhooks with Standard Webhooks signatures: HMAC-SHA256 over {@code id.timestamp.body} with
 * any of the carrier's current secrets (rotation), compared in constant time by the spec's own library, and a
 * timestamp no further than the tolerance from now (replays are refused).
 */
@ApplicationScoped
public class WebhookSignatures {

    private final TrackingConfig config;
    private final Clock clock;

    WebhookSignatures(TrackingConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Throws a 404 problem for an unknown carrier and a 401 problem for anything not signed by it. */
    public void verify(String carrier, String body, Map<String, List<String>> headers) {
        TrackingConfig.Carrier settings = config.carriers().get(carrier);
        if (settings == null) {
            throw ProblemException.notFound("Carrier", carrier);
        }
        checkTimestamp(first(headers, "webhook-timestamp"));
        for (String secret : settings.secrets()) {
            try {
                new Webhook(secret.trim()).verify(body, headers);
                return;
            } catch (WebhookVerificationException wrongSecretOrSignature) {
                // Try the next secret: during a rotation the carrier may sign with either.
            } catch (RuntimeException | com.standardwebhooks.exceptions.EmptyWebhookSecretException e) {
                throw new IllegalStateException("webhook secret of carrier " + carrier + " is not valid", e);
            }
        }
        throw unauthorized("the webhook-signature does not match any secret of carrier " + carrier);
    }

    private void checkTimestamp(String timestamp) {
        if (timestamp == null) {
            throw unauthorized("webhook-id, webhook-timestamp and webhook-signature headers are required");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw unauthorized("webhook-timestamp must be Unix seconds");
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - Instant.ofEpochSecond(seconds).getEpochSecond());
        if (skew > config.webhookTolerance().toSeconds()) {
            throw unauthorized("webhook-timestamp is more than " + config.webhookTolerance().toMinutes()
                    + " minutes away from now");
        }
    }

    private static String first(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }

    private static ProblemException unauthorized(String detail) {
        return new ProblemException(401, "webhook-signature", "Webhook signature not valid", detail, List.of());
    }
}
