package dev.postventa.support.effect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postventa.events.Money;
import dev.postventa.events.UndecodableEventException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AttemptTest {

    /** A payload as a handler would schedule it. */
    record LabelRequest(String carrier, Money declaredValue) {
    }

    @Test
    void thePayloadReadsBackAsScheduled() {
        LabelRequest scheduled = new LabelRequest("dhl", Money.of("499.90", "MXN"));
        PendingEffect effect = PendingEffect.due("carrier-label", "shipment-1", scheduled,
                java.time.Instant.parse("2026-03-01T10:00:00Z"));

        Attempt attempt = effect.start(effect.createdAt, java.time.Duration.ofSeconds(60));

        assertThat(attempt.payload(LabelRequest.class)).isEqualTo(scheduled);
    }

    @Test
    void anEffectScheduledWithoutPayloadSaysSo() {
        Attempt attempt = new Attempt(UUID.randomUUID(), "email", "notification-1", null, 1);

        assertThatThrownBy(() -> attempt.payload(LabelRequest.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("effect email/notification-1 was scheduled without a payload");
    }

    @Test
    void aPayloadOfAnotherShapeIsUndecodable() {
        Attempt attempt = new Attempt(UUID.randomUUID(), "carrier-label", "shipment-1", "[1, 2]", 1);

        assertThatThrownBy(() -> attempt.payload(LabelRequest.class))
                .isInstanceOf(UndecodableEventException.class)
                .hasMessageContaining("LabelRequest");
    }
}
