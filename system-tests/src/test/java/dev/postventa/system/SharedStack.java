package dev.postventa.system;

import dev.postventa.localstack.LocalStack;
import java.nio.file.Path;
import java.util.Map;

/**
 * The one platform every system test class runs against: starting the four services, Kafka and PostgreSQL takes
 * half a minute, so the classes share one stack instead of starting one each. It stops when the test JVM exits
 * (LocalStack's shutdown hook). Tests that stop or restart a service must leave it running again.
 */
final class SharedStack {

    /**
     * Settings the journeys need beyond the defaults: electronics are inspected by a person (so a partial acceptance
     * can be recorded), everything else is accepted on receipt as by default.
     */
    static final Map<String, String> ENV = Map.of("INSPECTION_MANUAL_CATEGORIES", "electronics");

    private static LocalStack stack;

    private SharedStack() {
    }

    static synchronized LocalStack get() {
        if (stack == null) {
            Path root = Path.of(System.getProperty("postventa.root", "..")).toAbsolutePath().normalize();
            LocalStack.Settings defaults = LocalStack.Settings.throwaway(root);
            stack = new LocalStack(new LocalStack.Settings(defaults.repositoryRoot(), defaults.dataDir(),
                    defaults.postgresPort(), defaults.kafkaPort(), defaults.smtpPort(), defaults.servicePorts(), ENV))
                    .start();
        }
        return stack;
    }
}
