package dev.postventa.support.effect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postventa.support.effect.PendingEffect.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PendingEffectTest {

    private static final Instant SCHEDULED = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant LATER = SCHEDULED.plusSeconds(5);
    private static final Duration LEASE = Duration.ofSeconds(60);

    @Test
    void aScheduledEffectIsDueAtOnceWithNoAttemptAndItsPayloadAsJson() {
        PendingEffect effect = PendingEffect.due("carrier-label", "shipment-1", Map.of("carrier", "dhl"), SCHEDULED);

        assertThat(effect.id).isNotNull();
        assertThat(effect.kind).isEqualTo("carrier-label");
        assertThat(effect.key).isEqualTo("shipment-1");
        assertThat(effect.payload).isEqualTo("{\"carrier\":\"dhl\"}");
        assertThat(effect.status).isEqualTo(Status.PENDING);
        assertThat(effect.attempts).isZero();
        assertThat(effect.dueAt).isEqualTo(SCHEDULED);
        assertThat(effect.createdAt).isEqualTo(SCHEDULED);
        assertThat(effect.updatedAt).isEqualTo(SCHEDULED);
        assertThat(effect.finishedAt).isNull();
    }

    @Test
    void anEffectWithoutPayloadStoresNone() {
        assertThat(PendingEffect.due("email", "notification-1", null, SCHEDULED).payload).isNull();
    }

    @Test
    void startingAnAttemptCountsItAndLeasesTheEffect() {
        PendingEffect effect = PendingEffect.due("payment", "refund-7", Map.of("amount", "10.00"), SCHEDULED);

        Attempt first = effect.start(LATER, LEASE);

        assertThat(first).isEqualTo(new Attempt(effect.id, "payment", "refund-7", "{\"amount\":\"10.00\"}", 1));
        assertThat(effect.attempts).isEqualTo(1);
        assertThat(effect.dueAt).isEqualTo(LATER.plus(LEASE));
        assertThat(effect.updatedAt).isEqualTo(LATER);
        assertThat(effect.status).isEqualTo(Status.PENDING);

        Attempt second = effect.start(LATER.plusSeconds(120), LEASE);

        assertThat(second.number()).isEqualTo(2);
        assertThat(effect.attempts).isEqualTo(2);
        assertThat(effect.dueAt).isEqualTo(LATER.plusSeconds(120).plus(LEASE));
    }

    @Test
    void onlyTheLatestAttemptOfAPendingEffectIsCurrent() {
        PendingEffect effect = PendingEffect.due("payment", "refund-7", null, SCHEDULED);
        Attempt first = effect.start(LATER, LEASE);

        assertThat(effect.isCurrent(first)).isTrue();

        // Its lease ran out and another worker started the next attempt: the first one may no longer record.
        Attempt second = effect.start(LATER.plus(LEASE), LEASE);

        assertThat(effect.isCurrent(first)).isFalse();
        assertThat(effect.isCurrent(second)).isTrue();

        effect.done(LATER.plus(LEASE).plusSeconds(1));

        assertThat(effect.isCurrent(second)).isFalse();
    }

    @Test
    void doneFinishesTheEffectAndClearsTheLastError() {
        PendingEffect effect = PendingEffect.due("payment", "refund-7", null, SCHEDULED);
        effect.start(LATER, LEASE);
        effect.retryAt(LATER.plusSeconds(1), "connection reset", LATER);
        effect.start(LATER.plusSeconds(1), LEASE);

        effect.done(LATER.plusSeconds(2));

        assertThat(effect.status).isEqualTo(Status.DONE);
        assertThat(effect.lastError).isNull();
        assertThat(effect.finishedAt).isEqualTo(LATER.plusSeconds(2));
        assertThat(effect.updatedAt).isEqualTo(LATER.plusSeconds(2));
    }

    @Test
    void failedFinishesTheEffectWithItsReason() {
        PendingEffect effect = PendingEffect.due("payment", "refund-7", null, SCHEDULED);
        effect.start(LATER, LEASE);

        effect.failed("card expired", LATER.plusSeconds(1));

        assertThat(effect.status).isEqualTo(Status.FAILED);
        assertThat(effect.lastError).isEqualTo("card expired");
        assertThat(effect.finishedAt).isEqualTo(LATER.plusSeconds(1));
        assertThat(effect.updatedAt).isEqualTo(LATER.plusSeconds(1));
    }

    @Test
    void retryAtKeepsTheEffectPendingAndDueAtTheNextAttempt() {
        PendingEffect effect = PendingEffect.due("payment", "refund-7", null, SCHEDULED);
        effect.start(LATER, LEASE);
        Instant next = LATER.plusSeconds(30);

        effect.retryAt(next, "timeout", LATER.plusSeconds(1));

        assertThat(effect.status).isEqualTo(Status.PENDING);
        assertThat(effect.dueAt).isEqualTo(next);
        assertThat(effect.lastError).isEqualTo("timeout");
        assertThat(effect.updatedAt).isEqualTo(LATER.plusSeconds(1));
        assertThat(effect.finishedAt).isNull();
        assertThat(effect.attempts).isEqualTo(1);
    }

    @Test
    void aDoneEffectCannotStartFailOrRetry() {
        PendingEffect effect = PendingEffect.due("payment", "refund-7", null, SCHEDULED);
        effect.start(LATER, LEASE);
        effect.done(LATER);

        assertThatThrownBy(() -> effect.start(LATER, LEASE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("effect payment/refund-7 is DONE: cannot start an attempt");
        assertThatThrownBy(() -> effect.done(LATER)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot complete it");
        assertThatThrownBy(() -> effect.failed("late", LATER)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot give it up");
        assertThatThrownBy(() -> effect.retryAt(LATER, "late", LATER)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot schedule a retry");
        assertThat(effect.status).isEqualTo(Status.DONE);
        assertThat(effect.attempts).isEqualTo(1);
    }

    @Test
    void aFailedEffectCannotStartCompleteOrRetry() {
        PendingEffect effect = PendingEffect.due("email", "notification-3", null, SCHEDULED);
        effect.start(LATER, LEASE);
        effect.failed("mailbox does not exist", LATER);

        assertThatThrownBy(() -> effect.start(LATER, LEASE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("effect email/notification-3 is FAILED: cannot start an attempt");
        assertThatThrownBy(() -> effect.done(LATER)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> effect.failed("again", LATER)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> effect.retryAt(LATER, "again", LATER)).isInstanceOf(IllegalStateException.class);
        assertThat(effect.status).isEqualTo(Status.FAILED);
        assertThat(effect.lastError).isEqualTo("mailbox does not exist");
    }
}
