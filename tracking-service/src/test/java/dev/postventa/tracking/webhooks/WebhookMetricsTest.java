package dev.postventa.tracking.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postventa.support.problem.ProblemException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each refusal of a webhook gets the documented reason label, and nothing else can appear. */
class WebhookMetricsTest {

    @Test
    void refusalsAreLabelledByTheirReason() {
        assertThat(WebhookMetrics.reason(new WebhookSignatures.StaleTimestamp("old"))).isEqualTo("stale");
        assertThat(WebhookMetrics.reason(problem(401))).isEqualTo("signature");
        assertThat(WebhookMetrics.reason(problem(400))).isEqualTo("malformed");
        assertThat(WebhookMetrics.reason(problem(413))).isEqualTo("too_large");
        assertThat(WebhookMetrics.reason(new WebhookMetrics.UnknownCarrier("acme"))).isEqualTo("unknown_carrier");
        assertThat(WebhookMetrics.reason(ProblemException.notFound("Shipment", "SIM1"))).isEqualTo("unknown_shipment");
        assertThat(WebhookMetrics.reason(problem(503))).isEqualTo("error");
        assertThat(WebhookMetrics.reason(new IllegalStateException("boom"))).isEqualTo("error");
    }

    private static ProblemException problem(int status) {
        return new ProblemException(status, "x", "x", "x", List.of());
    }
}
