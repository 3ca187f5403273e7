package dev.postventa.support.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postventa.events.DomainEvent;
import dev.postventa.support.outbox.OutboxEventTooLargeException;
import dev.postventa.support.outbox.OutboxWriter;
import org.junit.jupiter.api.Test;

/** Events are bounded at the source: the outbox refuses JSON Kafka would refuse to carry. */
class OutboxEventSizeTest {

    @Test
    void anEventWithinTheBoundIsWrittenAsItsJson() {
        assertThat(OutboxWriter.boundedJson(new Sample("r-1", "x".repeat(100)), 1_000)).contains("\"comment\"");
    }

    @Test
    void anEventAboveTheBoundIsRefusedWithItsSizeAndTheLimit() {
        // 'ó' is two bytes in UTF-8: the bound counts bytes, as Kafka does, not characters.
        Sample event = new Sample("r-1", "ó".repeat(600));

        assertThatThrownBy(() -> OutboxWriter.boundedJson(event, 1_000))
                .isInstanceOfSatisfying(OutboxEventTooLargeException.class, e -> {
                    assertThat(e.maxBytes()).isEqualTo(1_000);
                    assertThat(e.bytes()).isGreaterThan(1_200);
                    assertThat(e.status()).isEqualTo(413);
                })
                .hasMessageContaining("above the 1000 bytes");
    }

    @Test
    void theDefaultBoundIsWellBelowKafkasOneMebibyte() {
        assertThat(OutboxWriter.DEFAULT_MAX_EVENT_BYTES).isLessThan(1_048_576 / 2);
    }

    record Sample(String returnId, String comment) implements DomainEvent {
        @Override
        public String aggregateId() {
            return returnId;
        }

        @Override
        public String eventType() {
            return "postventa.test.sample.v1";
        }

        @Override
        public String topic() {
            return "postventa.test";
        }
    }
}
