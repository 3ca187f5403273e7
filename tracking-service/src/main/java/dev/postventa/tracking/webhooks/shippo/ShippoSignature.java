package dev.postventa.tracking.webhooks.shippo;

import dev.postventa.support.problem.ProblemException;
import dev.postventa.tracking.webhooks.WebhookSignatures.StaleTimestamp;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Shippo's webhook signature: header {@code Shippo-Auth-Signature: t=<unix seconds>,v1=<hex>}, an HMAC-SHA256 keyed
 * with the webhook secret (UTF-8) over {@code "<t>.<raw body>"}. The signed timestamp must be within the tolerance of
 * our clock, so a captured delivery cannot be replayed later.
 */
public final class ShippoSignature {

    public static final String HEADER = "Shippo-Auth-Signature";
    /** Unix seconds: digits only, at most 12 of them, so the difference with our clock cannot overflow. */
    private static final Pattern UNIX_SECONDS = Pattern.compile("[0-9]{1,12}");

    private ShippoSignature() {
    }

    /**
     * Returns when {@code header} signs {@code body} under any of {@code secrets} (constant-time compare) with a
     * timestamp at most {@code tolerance} from {@code now}; else a 401 problem ({@link StaleTimestamp} when only the
     * time is wrong).
     */
    public static void verify(byte[] body, String header, List<String> secrets, Instant now, Duration tolerance) {
        if (header == null || header.isBlank()) {
            throw unauthorized(HEADER + " header is required");
        }
        String timestamp = null;
        List<byte[]> presented = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length != 2) {
                continue;
            }
            switch (pair[0].trim()) {
                case "t" -> timestamp = pair[1].trim();
                // Several v1 values are allowed: Shippo may sign with the old and the new secret while rotating.
                case "v1" -> presented.add(pair[1].trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
                default -> { }
            }
        }
        if (timestamp == null || !UNIX_SECONDS.matcher(timestamp).matches() || presented.isEmpty()) {
            throw unauthorized(HEADER + " must be t=<unix seconds>,v1=<hex HMAC-SHA256>");
        }
        long seconds = Long.parseLong(timestamp);
        boolean matched = false;
        for (String secret : secrets) {
            byte[] expected = sign(seconds, body, secret).getBytes(StandardCharsets.US_ASCII);
            for (byte[] candidate : presented) {
                // Every secret and value is compared, so the time taken does not tell which one matched.
                matched |= MessageDigest.isEqual(expected, candidate);
            }
        }
        if (!matched) {
            throw unauthorized(HEADER + " does not match the body under any Shippo secret");
        }
        if (Math.abs(now.getEpochSecond() - seconds) > tolerance.toSeconds()) {
            throw new StaleTimestamp(HEADER + " timestamp is more than " + tolerance.toSeconds()
                    + " seconds away from now");
        }
    }

    /** The lowercase hex HMAC-SHA256 of {@code "<t>.<body>"} with {@code secret}. */
    public static String sign(long timestamp, byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.trim().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static ProblemException unauthorized(String detail) {
        return new ProblemException(401, "webhook-signature", "Webhook signature not valid", detail, List.of());
    }
}
