package dev.postventa.support.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postventa.events.UndecodableEventException;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InboxDecisionsTest {

    private static final Duration AWAIT = Duration.ofSeconds(10);

    private final InboxDecisions decisions = new InboxDecisions(new TestInboxConfig(3));
    private final AtomicInteger attempts = new AtomicInteger();

    @Test
    void aClaimThatInsertedItsRowRunsTheHandler() {
        assertThat(InboxDecisions.claimed(1)).isEqualTo(InboxDecisions.Claim.FIRST);
    }

    @Test
    void aClaimThatFoundTheEventAlreadyHandledIsADuplicate() {
        assertThat(InboxDecisions.claimed(0)).isEqualTo(InboxDecisions.Claim.DUPLICATE);
    }

    @Test
    void anUndecodableEventIsNotRetried() {
        assertThat(InboxDecisions.isRetryable(new UndecodableEventException("no ce_id"))).isFalse();
    }

    @Test
    void otherFailuresAreRetried() {
        assertThat(InboxDecisions.isRetryable(new IllegalStateException("connection reset"))).isTrue();
        assertThat(InboxDecisions.isRetryable(new RuntimeException(new UndecodableEventException("wrapped"))))
                .isTrue();
    }

    @Test
    void aTransientFailureIsTriedAgainUntilItSucceeds() {
        Uni<String> flaky = Uni.createFrom().item(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("database unavailable");
            }
            return "handled";
        });

        assertThat(decisions.withRetries(flaky).await().atMost(AWAIT)).isEqualTo("handled");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void aFailureThatOutlastsTheRetriesFailsAfterTheFirstAttemptAndEveryRetry() {
        Uni<Void> broken = Uni.createFrom().item(() -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("database unavailable");
        });

        // The last failure itself reaches the channel, whose failure strategy dead-letters the record.
        assertThatThrownBy(() -> decisions.withRetries(broken).await().atMost(AWAIT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("database unavailable");
        assertThat(attempts).hasValue(1 + 3);
    }

    @Test
    void anUndecodableEventFailsAtTheFirstAttemptSoItGoesStraightToTheDeadLetterTopic() {
        Uni<Void> undecodable = Uni.createFrom().item(() -> {
            attempts.incrementAndGet();
            throw new UndecodableEventException("payload is not a valid ReturnApproved");
        });

        assertThatThrownBy(() -> decisions.withRetries(undecodable).await().atMost(AWAIT))
                .isInstanceOf(UndecodableEventException.class)
                .hasMessage("payload is not a valid ReturnApproved");
        assertThat(attempts).hasValue(1);
    }

    @Test
    void withoutRetriesAFailureFailsAtOnce() {
        InboxDecisions noRetries = new InboxDecisions(new TestInboxConfig(0));
        Uni<Void> broken = Uni.createFrom().item(() -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("database unavailable");
        });

        assertThatThrownBy(() -> noRetries.withRetries(broken).await().atMost(AWAIT))
                .isInstanceOf(IllegalStateException.class);
        assertThat(attempts).hasValue(1);
    }

    /** Short waits, so the retries take milliseconds. */
    private record TestInboxConfig(int maxRetries) implements InboxConfig {

        @Override
        public Duration initialBackoff() {
            return Duration.ofMillis(1);
        }

        @Override
        public Duration maxBackoff() {
            return Duration.ofMillis(5);
        }
    }
}
