package dev.postventa.tracking.webhooks.aftership;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AfterShip's webhook signature: header {@code aftership-hmac-sha256: <base64>}, an HMAC-SHA256 of the raw body keyed
 * with the webhook secret (UTF-8). Nothing time-bound is signed: replays are stopped by the delivery's
 * {@code event_id}, which we remember (a replay answers 200 and changes nothing).
 */
public final class AfterShipSignature {

    public static final String HEADER = "aftership-hmac-sha256";

    private AfterShipSignature() {
    }

    /** True when {@code header} is the signature of {@code body} under any of {@code secrets} (constant-time compare). */
    public static boolean matches(byte[] body, String header, List<String> secrets) {
        if (header == null || header.isBlank()) {
            return false;
        }
        byte[] presented = header.trim().getBytes(StandardCharsets.US_ASCII);
        boolean matched = false;
        for (String secret : secrets) {
            // Every secret is checked, so the time taken does not tell which one matched.
            matched |= MessageDigest.isEqual(sign(body, secret).getBytes(StandardCharsets.US_ASCII), presented);
        }
        return matched;
    }

    /** The base64 HMAC-SHA256 of {@code body} with {@code secret}. */
    public static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.trim().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
