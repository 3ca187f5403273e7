package dev.postventa.system;

import dev.postventa.localstack.LocalStack;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one platform every system test class runs against ({@code @ExtendWith(SharedStack.class)}, then
 * {@link #stack()}): starting the four services, Kafka and PostgreSQL takes half a minute, so the classes share one
 * stack instead of starting one each. It is stopped when the whole test run ends (JUnit closes the root store's
 * resources before the JVM exits, so no service process outlives the run). Tests that stop or restart a service must
 * leave it running again.
 */
final class SharedStack implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {

    /**
     * Settings the journeys need beyond the defaults: electronics are inspected by a person (so a partial acceptance
     * can be recorded), everything else is accepted on receipt as by default.
     */
    static final Map<String, String> ENV = Map.of("INSPECTION_MANUAL_CATEGORIES", "electronics");

    private static LocalStack stack;

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (SharedStack.class) {
            if (stack == null) {
                Path root = Path.of(System.getProperty("postventa.root", "..")).toAbsolutePath().normalize();
                LocalStack.Settings defaults = LocalStack.Settings.throwaway(root);
                stack = new LocalStack(new LocalStack.Settings(defaults.repositoryRoot(), defaults.dataDir(),
                        defaults.postgresPort(), defaults.kafkaPort(), defaults.smtpPort(), defaults.servicePorts(),
                        ENV)).start();
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(SharedStack.class.getName(), this);
            }
        }
    }

    /** The running stack; only inside a class extended with this. */
    static LocalStack stack() {
        if (stack == null) {
            throw new IllegalStateException("annotate the test class with @ExtendWith(SharedStack.class)");
        }
        return stack;
    }

    @Override
    public void close() {
        synchronized (SharedStack.class) {
            if (stack != null) {
                stack.close();
                stack = null;
            }
        }
    }
}
