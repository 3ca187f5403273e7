package dev.postventa.refunds.payments;

import dev.postventa.refunds.RefundsConfig;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

/**
 * The adapter chosen by {@code postventa.refunds.provider} (env {@code PAYMENT_PROVIDER}): the one
 * {@link PaymentProvider} bean. Chosen at startup, so a missing setting of the chosen adapter stops the start with a
 * clear message instead of failing the first refund.
 */
@ApplicationScoped
public class ConfiguredPaymentProvider implements PaymentProvider {

    private final PaymentProvider chosen;

    ConfiguredPaymentProvider(RefundsConfig config, Instance<SimulatedPaymentProvider> simulated,
                              Instance<HttpPaymentProvider> http) {
        this.chosen = switch (config.provider()) {
            case SIMULATED -> simulated.get();
            case HTTP -> http.get();
        };
    }

    void onStart(@Observes StartupEvent event) {
        // Touching the bean builds it (and its adapter) now.
        chosen();
    }

    /** The adapter in use. */
    public PaymentProvider chosen() {
        return chosen;
    }

    @Override
    public Uni<ProviderRefund> refund(RefundOrder order) {
        return chosen.refund(order);
    }

    @Override
    public Uni<PaymentStatus> status(String idempotencyKey) {
        return chosen.status(idempotencyKey);
    }
}
