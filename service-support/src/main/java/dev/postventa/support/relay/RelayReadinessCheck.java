package dev.postventa.support.relay;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Readiness is DOWN while the outbox relay is not streaming: events would pile up unseen. */
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
                .status(state.isStreaming())
                .withData("since", state.since().toString())
                .withData("restarts", state.restarts());
        if (state.lastError() != null) {
            response.withData("lastError", state.lastError());
        }
        return response.build();
    }
}
