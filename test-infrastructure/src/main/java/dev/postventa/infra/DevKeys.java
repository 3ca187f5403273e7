package dev.postventa.infra;

import dev.postventa.access.AccessTokens;
import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

/**
 * An RSA key pair for access tokens on a developer's machine or in tests, never in production: tests make a new one
 * per JVM, the local stack keeps one under {@code .postventa/keys} so its printed tokens survive restarts. The public
 * key verifies tokens in every service ({@code MP_JWT_VERIFY_PUBLICKEY_LOCATION}); the private key signs customer tokens in
 * returns-service ({@code SMALLRYE_JWT_SIGN_KEY_LOCATION}) and the operator and storefront tokens minted here.
 */
public final class DevKeys {

    static final String PUBLIC_FILE = "publicKey.pem";
    static final String PRIVATE_FILE = "privateKey.pem";

    private final KeyPair pair;
    private final String issuer;

    private DevKeys(KeyPair pair, String issuer) {
        this.pair = pair;
        this.issuer = issuer;
    }

    /** A new key pair, tokens stamped with the default issuer. */
    public static DevKeys generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new DevKeys(generator.generateKeyPair(), AccessTokens.DEFAULT_ISSUER);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make an RSA key pair", e);
        }
    }

    /** The pair kept in {@code dir}, made and written there (owner-readable only) the first time. */
    public static DevKeys loadOrCreate(Path dir) {
        Path publicFile = dir.resolve(PUBLIC_FILE);
        Path privateFile = dir.resolve(PRIVATE_FILE);
        try {
            if (Files.isReadable(publicFile) && Files.isReadable(privateFile)) {
                KeyFactory rsa = KeyFactory.getInstance("RSA");
                PublicKey publicKey = rsa.generatePublic(new X509EncodedKeySpec(pemBytes(publicFile)));
                PrivateKey privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(pemBytes(privateFile)));
                return new DevKeys(new KeyPair(publicKey, privateKey), AccessTokens.DEFAULT_ISSUER);
            }
            DevKeys keys = generate();
            keys.writeTo(dir);
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the keys in " + dir + " are not an RSA pair: delete them to start over", e);
        }
    }

    /** Writes {@code publicKey.pem} and {@code privateKey.pem} (PKCS#8) into {@code dir}. */
    public DevKeys writeTo(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(PUBLIC_FILE), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            Path privateFile = dir.resolve(PRIVATE_FILE);
            Files.writeString(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            try {
                Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Best effort: the file system has no POSIX permissions.
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path publicKeyFile(Path dir) {
        return dir.resolve(PUBLIC_FILE);
    }

    public static Path privateKeyFile(Path dir) {
        return dir.resolve(PRIVATE_FILE);
    }

    public String publicKeyPem() {
        return pem("PUBLIC KEY", pair.getPublic().getEncoded());
    }

    public String privateKeyPem() {
        return pem("PRIVATE KEY", pair.getPrivate().getEncoded());
    }

    public String issuer() {
        return issuer;
    }

    /** An operator's token (role {@code ops}). */
    public String ops(String operator, Duration lifetime) {
        return sign(operator, AccessTokens.OPS, null, lifetime);
    }

    /** The storefront's service token (role {@code storefront}). */
    public String storefront(Duration lifetime) {
        return sign("storefront", AccessTokens.STOREFRONT, null, lifetime);
    }

    /** A customer token opening one order, as returns-service issues them. */
    public String customer(String orderId, Duration lifetime) {
        return sign("order:" + orderId, AccessTokens.CUSTOMER, orderId, lifetime);
    }

    /** A token with any role (tests of refusals use roles nobody grants). */
    public String sign(String subject, String role, String orderId, Duration lifetime) {
        var claims = Jwt.issuer(issuer).subject(subject).groups(Set.of(role)).expiresIn(lifetime);
        if (orderId != null) {
            claims.claim(AccessTokens.ORDER_CLAIM, orderId);
        }
        return claims.sign(pair.getPrivate());
    }

    private static byte[] pemBytes(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "")
                .replaceAll("\\s", "");
        return Base64.getDecoder().decode(text);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
