package dev.postventa.tracking;

import com.standardwebhooks.Webhook;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Refuses to start the service without usable webhook secrets: outside the dev and test profiles there is no default
 * secret, so a deployment that forgot {@code SIMULATED_CARRIER_WEBHOOK_SECRETS} fails at once with a message naming
 * it, instead of running with a secret anybody can read in this repository (or refusing every scan).
 */
@ApplicationScoped
public class WebhookSecretsCheck {

    /** Runs before the other startup work (the relay waiting for its slot), so the message is the first failure. */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start, TrackingConfig config) {
        List<String> problems = problems(config);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("tracking-service cannot start: " + String.join("; ", problems));
        }
    }

    /** What is wrong with the webhook settings, one sentence each; empty when the service may start. */
    public static List<String> problems(TrackingConfig config) {
        List<String> problems = new ArrayList<>();
        Map<String, TrackingConfig.Carrier> carriers = config.carriers();
        TrackingConfig.Carrier labelCarrier = carriers.get(config.defaultCarrier());
        if (labelCarrier == null || labelCarrier.secrets().map(List::isEmpty).orElse(true)) {
            problems.add(missing(config.defaultCarrier()));
        }
        carriers.forEach((name, carrier) -> carrier.secrets().orElse(List.of()).forEach(secret -> {
            try {
                new Webhook(secret.trim());
            } catch (Exception | Error notASecret) {
                problems.add("a webhook secret of carrier '" + name + "' (" + envVarOf(name) + ") is not a Standard "
                        + "Webhooks secret (whsec_<base64>)");
            }
        }));
        if (config.webhookTolerance().isNegative() || config.webhookTolerance().isZero()) {
            problems.add("postventa.tracking.webhook-tolerance must be positive, is " + config.webhookTolerance());
        }
        return problems;
    }

    /** The env var that sets a carrier's secrets in application.properties (the simulated carrier's is the only one). */
    static String envVarOf(String carrier) {
        return carrier.toUpperCase(Locale.ROOT).replace('-', '_') + "_CARRIER_WEBHOOK_SECRETS";
    }

    private static String missing(String carrier) {
        return "carrier '" + carrier + "' has no webhook secret: set " + envVarOf(carrier)
                + " (postventa.tracking.carriers." + carrier + ".secrets) to its Standard Webhooks secrets "
                + "(whsec_<base64>, comma-separated while rotating); there is no default outside the dev and test "
                + "profiles";
    }
}
