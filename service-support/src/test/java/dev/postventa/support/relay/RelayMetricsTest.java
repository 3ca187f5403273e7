package dev.postventa.support.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class RelayMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RelayMetrics metrics = new RelayMetrics(registry,
            Clock.fixed(Instant.parse("2026-11-30T10:00:00.250Z"), ZoneOffset.UTC));

    @Test
    void countsEventsPerTopicAndTimesThemFromTheirWriteToTheAcknowledgement() {
        metrics.relayed(record("postventa.returns", "2026-11-30T10:00:00.200Z"));
        metrics.relayed(record("postventa.returns", "2026-11-30T10:00:00.150Z"));
        metrics.relayed(record("postventa.refunds", "2026-11-30T10:00:00Z"));

        assertThat(registry.get("postventa.relay.events").tag("topic", "postventa.returns").counter().count())
                .isEqualTo(2);
        assertThat(registry.get("postventa.relay.events").tag("topic", "postventa.refunds").counter().count())
                .isEqualTo(1);
        var delay = registry.get("postventa.relay.delay").timer();
        assertThat(delay.count()).isEqualTo(3);
        assertThat(delay.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(50 + 100 + 250);
        assertThat(delay.max(TimeUnit.MILLISECONDS)).isEqualTo(250);
    }

    @Test
    void aWriteTimeAfterTheAcknowledgementOrUnreadableIsCountedButNotTimed() {
        metrics.relayed(record("postventa.returns", "2026-11-30T10:00:01Z"));
        metrics.relayed(record("postventa.returns", "yesterday"));

        assertThat(registry.get("postventa.relay.events").counter().count()).isEqualTo(2);
        assertThat(registry.get("postventa.relay.delay").timer().count()).isZero();
    }

    private static ProducerRecord<String, byte[]> record(String topic, String ceTime) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, "key", new byte[0]);
        record.headers().add("ce_time", ceTime.getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
