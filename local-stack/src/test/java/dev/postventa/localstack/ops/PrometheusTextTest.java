package dev.postventa.localstack.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    private static final String SCRAPE = """
            # HELP postventa_relay_state The outbox relay's state: 1 for the current one
            # TYPE postventa_relay_state gauge
            postventa_relay_state{service="returns-service",state="down"} 0.0
            postventa_relay_state{service="returns-service",state="restarting"} 0.0
            postventa_relay_state{service="returns-service",state="streaming"} 1.0
            postventa_relay_state{service="returns-service",state="standby"} 0.0
            # TYPE postventa_relay_slot_lag_bytes gauge
            postventa_relay_slot_lag_bytes{service="returns-service"} 24576.0
            postventa_dead_letter_depth{topic="postventa.dlq.returns-service"} 3.0
            postventa_dead_letter_depth{topic="postventa.dlq.other"} 2.0
            http_server_requests_seconds_max{method="GET",outcome="SUCCESS",uri="/q/x \\"quoted\\""} NaN
            jvm_threads_live_threads 31 1700000000000

            not a sample line
            """;

    @Test
    void theRelayStateIsTheLabelOfTheSampleWhoseValueIsOne() {
        assertThat(PrometheusText.parse(SCRAPE).labelOfTheOne("postventa_relay_state", "state")).contains("streaming");
    }

    @Test
    void gaugesAreReadWithTheirLabelsAndSummedAcrossThem() {
        PrometheusText text = PrometheusText.parse(SCRAPE);
        assertThat(text.value("postventa_relay_slot_lag_bytes")).contains(24576.0);
        assertThat(text.sum("postventa_dead_letter_depth")).contains(5.0);
        assertThat(text.samples("postventa_dead_letter_depth").get(0).labels())
                .isEqualTo(Map.of("topic", "postventa.dlq.returns-service"));
        assertThat(text.value("jvm_threads_live_threads")).contains(31.0);
    }

    @Test
    void escapedQuotesNaNAndUnknownNamesAreHandled() {
        PrometheusText text = PrometheusText.parse(SCRAPE);
        var sample = text.samples("http_server_requests_seconds_max").get(0);
        assertThat(sample.labels()).containsEntry("uri", "/q/x \"quoted\"");
        assertThat(sample.value()).isNaN();
        assertThat(text.sum("postventa_missing")).isEmpty();
        assertThat(text.labelOfTheOne("postventa_missing", "state")).isEmpty();
    }
}
