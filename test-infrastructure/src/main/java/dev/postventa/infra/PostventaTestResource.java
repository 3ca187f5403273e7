package dev.postventa.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at the real Kafka and PostgreSQL of {@link PostventaInfrastructure}, in its own
 * database (init arg {@code database}). Usage:
 * {@code @QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "returns"))}.
 */
public class PostventaTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "postventa";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        return PostventaInfrastructure.get().forService(database);
    }

    @Override
    public void stop() {
        // Shared by every test class of the JVM; PostventaInfrastructure stops it when the JVM exits.
    }
}
