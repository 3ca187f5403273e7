package dev.postventa.returns.feedback;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies survey tokens: {@code v1.<base64url(returnId:expiryEpochSeconds)>.<base64url(HMAC-SHA256)>},
 * the MAC over {@code v1.<payload>} with the first secret; verification tries every secret (rotation) and compares
 * in constant time. The token is the answer API's only credential: it names one return and when it stops working.
 */
public final class SurveyTokens {

    private static final String VERSION = "v1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** What a token says: which return, until when; {@code expired} when {@code now} is past it. */
    public record Verified(UUID returnId, Instant expiresAt, boolean expired) {
    }

    private final List<byte[]> secrets;

    public SurveyTokens(List<String> secrets) {
        if (secrets.isEmpty() || secrets.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("survey token secrets must be non-empty");
        }
        this.secrets = secrets.stream().map(s -> s.strip().getBytes(StandardCharsets.UTF_8)).toList();
    }

    public String sign(UUID returnId, Instant expiresAt) {
        String payload = ENCODER.encodeToString((returnId + ":" + expiresAt.getEpochSecond())
                .getBytes(StandardCharsets.UTF_8));
        String signed = VERSION + "." + payload;
        return signed + "." + ENCODER.encodeToString(mac(secrets.get(0), signed));
    }

    /** The token's return and expiry; empty when it is malformed or signed with none of the secrets. */
    public Optional<Verified> verify(String token, Instant now) {
        if (token == null || token.length() > 512) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            return Optional.empty();
        }
        byte[] given;
        String claims;
        try {
            given = DECODER.decode(parts[2]);
            claims = new String(DECODER.decode(parts[1]), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String signed = parts[0] + "." + parts[1];
        boolean matches = false;
        for (byte[] secret : secrets) {
            // Every secret is tried, so the time taken does not say which one matched.
            matches |= MessageDigest.isEqual(mac(secret, signed), given);
        }
        if (!matches) {
            return Optional.empty();
        }
        int colon = claims.indexOf(':');
        try {
            UUID returnId = UUID.fromString(claims.substring(0, colon));
            Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(claims.substring(colon + 1)));
            return Optional.of(new Verified(returnId, expiresAt, !now.isBefore(expiresAt)));
        } catch (RuntimeException e) {
            return Optional.empty(); // signed by us but not by this format: treat as unknown
        }
    }

    private static byte[] mac(byte[] secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
