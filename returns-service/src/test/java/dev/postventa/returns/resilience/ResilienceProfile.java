package dev.postventa.returns.resilience;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Settings that let the resilience tests watch behaviour that normally takes hours: the inbox and Idempotency-Key
 * retention sweeps run every 2 s with batches of 2 rows, and an outage is retried at most 4 s apart (instead of 30 s).
 */
public class ResilienceProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "postventa.inbox.retention-sweep-every", "2s",
                "postventa.inbox.retention-batch-size", "2",
                "postventa.inbox.outage-max-backoff", "4s",
                "postventa.returns.idempotency-retention-sweep-every", "2s",
                "postventa.returns.idempotency-retention-batch-size", "2");
    }
}
