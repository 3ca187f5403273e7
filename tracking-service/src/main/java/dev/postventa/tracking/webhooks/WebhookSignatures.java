package dev.postventa.tracking.webhooks;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;
import dev.postventa.support.problem.ProblemException;
import dev.postventa.tracking.TrackingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Authenticates carrier webhooks with Standard Webhooks signatures: HMAC-SHA256 over {@code id.timestamp.body} with
 * any of the carrier's current secrets (rotation), computed by the spec's own library and compared in constant time,
 * and a timestamp no further than the configured tolerance from now (replays are refused). The tolerance is checked
 * here rather than by the library's {@code verify}, which has a fixed 5 minutes of its own.
 */
@ApplicationScoped
public class WebhookSignatures {

    /** Unix seconds as the spec sends them: digits only, no sign, at most 12 of them (year 33658). */
    private static final Pattern UNIX_SECONDS = Pattern.compile("[0-9]{1,12}");

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
            throw new WebhookMetrics.UnknownCarrier(carrier);
        }
        String id = first(headers, "webhook-id");
        String timestamp = first(headers, "webhook-timestamp");
        String signatures = first(headers, "webhook-signature");
        if (id == null || timestamp == null || signatures == null) {
            throw unauthorized("webhook-id, webhook-timestamp and webhook-signature headers are required");
        }
        long seconds = checkTimestamp(timestamp);
        for (String secret : settings.secrets().orElse(List.of())) {
            String expected = sign(carrier, secret, id, seconds, body);
            if (matchesAny(expected, signatures)) {
                return;
            }
            // Otherwise try the next secret: during a rotation the carrier may sign with either.
        }
        throw unauthorized("the webhook-signature does not match any secret of carrier " + carrier);
    }

    /** The timestamp's Unix seconds when it is well-formed and within the tolerance of our clock, else a 401. */
    private long checkTimestamp(String timestamp) {
        if (!UNIX_SECONDS.matcher(timestamp).matches()) {
            throw unauthorized("webhook-timestamp must be Unix seconds (digits only)");
        }
        long seconds = Long.parseLong(timestamp);
        // Both are Unix seconds of at most 12 digits: the difference cannot overflow.
        long skew = Math.abs(clock.instant().getEpochSecond() - seconds);
        if (skew > config.webhookTolerance().toSeconds()) {
            throw new StaleTimestamp("webhook-timestamp is more than " + describe(config) + " away from now");
        }
        return seconds;
    }

    private static String sign(String carrier, String secret, String id, long seconds, String body) {
        try {
            return new Webhook(secret.trim()).sign(id, seconds, body);
        } catch (WebhookSigningException | EmptyWebhookSecretException | RuntimeException e) {
            throw new IllegalStateException("webhook secret of carrier " + carrier + " is not valid", e);
        }
    }

    /** Whether any of the space-separated {@code v1,<base64>} signatures is the expected one (constant time). */
    private static boolean matchesAny(String expected, String signatures) {
        byte[] wanted = expected.getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (String candidate : signatures.trim().split(" +")) {
            match |= MessageDigest.isEqual(wanted, candidate.getBytes(StandardCharsets.UTF_8));
        }
        return match;
    }

    private static String describe(TrackingConfig config) {
        long seconds = config.webhookTolerance().toSeconds();
        return seconds % 60 == 0 ? seconds / 60 + " minutes" : seconds + " seconds";
    }

    private static String first(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }

    /** 401 for a timestamp outside the tolerance: the same answer as a bad signature, counted apart. */
    public static final class StaleTimestamp extends ProblemException {

        public StaleTimestamp(String detail) {
            super(401, "webhook-signature", "Webhook signature not valid", detail, List.of());
        }
    }

    private static ProblemException unauthorized(String detail) {
        return new ProblemException(401, "webhook-signature", "Webhook signature not valid", detail, List.of());
    }
}
