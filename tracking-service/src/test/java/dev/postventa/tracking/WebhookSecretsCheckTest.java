package dev.postventa.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Without its webhook secrets (the prod profile has no default) tracking-service refuses to start, saying what to set. */
class WebhookSecretsCheckTest {

    static final String SECRET = "whsec_cG9zdHZlbnRhLWxvY2FsLWRldi1zZWNyZXQtMQ==";

    @Test
    void aMissingSecretIsRefusedWithAMessageNamingTheEnvVar() {
        List<String> problems = WebhookSecretsCheck.problems(config(Map.of("simulated", carrier(Optional.empty()))));

        assertThat(problems).singleElement().asString()
                .contains("SIMULATED_CARRIER_WEBHOOK_SECRETS").contains("carrier 'simulated'")
                .contains("no default outside the dev and test profiles");
    }

    @Test
    void aCarrierMissingFromTheSettingsAltogetherIsRefusedToo() {
        assertThat(WebhookSecretsCheck.problems(config(Map.of()))).singleElement().asString()
                .contains("SIMULATED_CARRIER_WEBHOOK_SECRETS");
        assertThat(WebhookSecretsCheck.problems(config(Map.of("simulated", carrier(Optional.of(List.of()))))))
                .hasSize(1);
    }

    @Test
    void aSecretThatIsNotAStandardWebhooksSecretIsRefused() {
        assertThat(WebhookSecretsCheck.problems(config(Map.of("simulated",
                carrier(Optional.of(List.of(SECRET, "whsec_not base64!")))))))
                .singleElement().asString().contains("not a Standard Webhooks secret")
                .doesNotContain(SECRET);
    }

    @Test
    void configuredSecretsLetTheServiceStart() {
        assertThat(WebhookSecretsCheck.problems(config(Map.of("simulated", carrier(Optional.of(List.of(SECRET)))))))
                .isEmpty();
    }

    private static TrackingConfig.Carrier carrier(Optional<List<String>> secrets) {
        return () -> secrets;
    }

    private static TrackingConfig config(Map<String, TrackingConfig.Carrier> carriers) {
        return new TrackingConfig() {
            @Override
            public String defaultCarrier() {
                return "simulated";
            }

            @Override
            public Duration webhookTolerance() {
                return Duration.ofMinutes(5);
            }

            @Override
            public Duration futureScanTolerance() {
                return Duration.ofDays(1);
            }

            @Override
            public Optional<List<String>> easypostSecrets() {
                return Optional.empty();
            }

            @Override
            public Stall stall() {
                throw new UnsupportedOperationException("not read by the secrets check");
            }

            @Override
            public Map<String, Carrier> carriers() {
                return carriers;
            }
        };
    }
}
