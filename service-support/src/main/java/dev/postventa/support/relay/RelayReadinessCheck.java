package dev.postventa.support.relay;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness is DOWN while the outbox relay is not streaming (events would pile up unseen) and while its slot is lost;
 * a standby replica is UP while the active replica's slot exists. The role is in the check's data.
 */
@Readiness
@ApplicationScoped
public class RelayReadinessCheck implements HealthCheck {

    private final RelayState state;

    RelayReadinessCheck(RelayState state) {
        this.state = state;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox-relay")
                .status(state.isReady())
                .withData("role", state.role().name().toLowerCase(java.util.Locale.ROOT))
                .withData("since", state.since().toString())
                .withData("restarts", state.restarts());
        if (state.slotLost() != null) {
            response.withData("slotLost", state.slotLost());
        }
        if (state.lastError() != null) {
            response.withData("lastError", state.lastError());
        }
        return response.build();
    }
}
