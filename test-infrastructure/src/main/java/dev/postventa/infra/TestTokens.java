package dev.postventa.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The access tokens of a test JVM: one key pair made on first use, which {@link PostventaInfrastructure#forService}
 * hands to every service under test, so a test calls the API as a customer of one order, as operations or as the
 * storefront, exactly as production callers do.
 */
public final class TestTokens {

    private static final Duration LIFETIME = Duration.ofHours(1);
    private static final String DIRECTORY_PROPERTY = "postventa.test-keys.dir";
    private static DevKeys keys;
    private static Path directory;

    private TestTokens() {
    }

    /**
     * The JVM's test key pair, in a temporary directory the services read. Its path is a system property because
     * Quarkus loads this class again in its own class loader: both copies must sign with the same key.
     */
    public static synchronized DevKeys keys() {
        if (keys == null) {
            synchronized (System.class) {
                String known = System.getProperty(DIRECTORY_PROPERTY);
                if (known == null) {
                    try {
                        known = Files.createTempDirectory("postventa-test-keys-").toString();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    System.setProperty(DIRECTORY_PROPERTY, known);
                }
                directory = Path.of(known);
                keys = DevKeys.loadOrCreate(directory);
            }
        }
        return keys;
    }

    /** A bearer token of operations staff. */
    public static String ops() {
        return keys().ops("ops-test", LIFETIME);
    }

    /** The storefront's service token. */
    public static String storefront() {
        return keys().storefront(LIFETIME);
    }

    /** A customer token that opens one order. */
    public static String customer(String orderId) {
        return keys().customer(orderId, LIFETIME);
    }
}
