package dev.postventa.tracking.webhooks.easypost;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * EasyPost's webhook signature: header {@code X-Hmac-Signature: hmac-sha256-hex=<lowercase hex>}, an HMAC-SHA256 of
 * the raw body keyed with the UTF-8 bytes of the webhook secret after Unicode NFKD normalisation.
 */
public final class EasyPostSignature {

    static final String PREFIX = "hmac-sha256-hex=";

    private EasyPostSignature() {
    }

    /** True when {@code header} is the signature of {@code body} under any of {@code secrets} (constant-time compare). */
    public static boolean matches(byte[] body, String header, List<String> secrets) {
        if (header == null || !header.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
            return false;
        }
        byte[] presented = header.substring(PREFIX.length()).trim().toLowerCase(Locale.ROOT)
                .getBytes(StandardCharsets.US_ASCII);
        boolean matched = false;
        for (String secret : secrets) {
            byte[] expected = sign(body, secret).getBytes(StandardCharsets.US_ASCII);
            // Every secret is checked, so the time taken does not tell which one matched.
            matched |= MessageDigest.isEqual(expected, presented);
        }
        return matched;
    }

    /** The lowercase hex HMAC-SHA256 of {@code body} with {@code secret}. */
    public static String sign(byte[] body, String secret) {
        try {
            byte[] key = Normalizer.normalize(secret, Normalizer.Form.NFKD).getBytes(StandardCharsets.UTF_8);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
