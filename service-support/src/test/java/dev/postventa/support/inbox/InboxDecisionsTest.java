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

    @Test
    void anInfrastructureFailureIsRetriedBeyondTheBoundUntilTheInfrastructureIsBack() {
        // A database outage outlasts any fixed number of retries: the same record waits for it, never dead-letters.
        Uni<String> outage = Uni.createFrom().item(() -> {
            if (attempts.incrementAndGet() <= 25) {
                throw new RuntimeException("could not open a session", new java.net.ConnectException(
                        "Connection refused: localhost/127.0.0.1:5432"));
            }
            return "handled";
        });

        assertThat(decisions.withRetries(outage).await().atMost(AWAIT)).isEqualTo("handled");
        assertThat(attempts).hasValue(26);
    }

    @Test
    void eachRetryIsReportedWithItsAttemptCountAndKind() {
        java.util.List<String> reported = new java.util.ArrayList<>();
        Uni<String> flaky = Uni.createFrom().item(() -> {
            int attempt = attempts.incrementAndGet();
            if (attempt <= 2) {
                throw pgFailure("57P01", "terminating connection due to administrator command");
            }
            if (attempt == 3) {
                throw new IllegalStateException("return is CANCELLED");
            }
            return "handled";
        });

        String result = decisions.withRetries(flaky, Runnable::run,
                (kind, attempt, failure, wait) -> reported.add(kind + "#" + attempt)).await().atMost(AWAIT);

        assertThat(result).isEqualTo("handled");
        assertThat(reported).containsExactly("INFRASTRUCTURE#1", "INFRASTRUCTURE#2", "OTHER#3");
    }

    @Test
    void infrastructureRetriesDoNotUseUpTheBoundOfOtherFailures() {
        Uni<Void> mixed = Uni.createFrom().item(() -> {
            int attempt = attempts.incrementAndGet();
            if (attempt <= 10) {
                throw io.vertx.sqlclient.ClosedConnectionException.INSTANCE;
            }
            throw new IllegalStateException("return is CANCELLED");
        });

        assertThatThrownBy(() -> decisions.withRetries(mixed).await().atMost(AWAIT))
                .isInstanceOf(IllegalStateException.class);
        assertThat(attempts).hasValue(10 + 1 + 3);
    }

    @Test
    void databaseAndBrokerOutagesAreInfrastructureFailures() {
        assertThat(InboxDecisions.classify(new java.net.ConnectException("Connection refused")))
                .isEqualTo(InboxDecisions.FailureKind.INFRASTRUCTURE);
        assertThat(InboxDecisions.classify(io.vertx.sqlclient.ClosedConnectionException.INSTANCE))
                .isEqualTo(InboxDecisions.FailureKind.INFRASTRUCTURE);
        assertThat(InboxDecisions.classify(new java.util.concurrent.CompletionException(
                new io.vertx.core.impl.NoStackTraceTimeoutException("Timeout waiting for a pooled connection"))))
                .isEqualTo(InboxDecisions.FailureKind.INFRASTRUCTURE);
        assertThat(InboxDecisions.classify(new org.hibernate.HibernateException(pgFailure("53300",
                "too many connections for database \"returns\""))))
                .isEqualTo(InboxDecisions.FailureKind.INFRASTRUCTURE);
        assertThat(InboxDecisions.classify(pgFailure("57P03", "the database system is starting up")))
                .isEqualTo(InboxDecisions.FailureKind.INFRASTRUCTURE);
        assertThat(InboxDecisions.classify(new java.sql.SQLException("connection lost", "08006")))
                .isEqualTo(InboxDecisions.FailureKind.INFRASTRUCTURE);
        assertThat(InboxDecisions.classify(new dev.postventa.support.outbox.RelayNotReadyException()))
                .isEqualTo(InboxDecisions.FailureKind.INFRASTRUCTURE);
        assertThat(InboxDecisions.classify(new org.apache.kafka.common.errors.TimeoutException("broker down")))
                .isEqualTo(InboxDecisions.FailureKind.INFRASTRUCTURE);
    }

    @Test
    void aMessageThatCanNeverSucceedIsPermanentAndOtherFailuresAreBounded() {
        assertThat(InboxDecisions.classify(new UndecodableEventException("no ce_id")))
                .isEqualTo(InboxDecisions.FailureKind.PERMANENT);
        assertThat(InboxDecisions.classify(new IllegalStateException("connection reset")))
                .isEqualTo(InboxDecisions.FailureKind.OTHER);
        assertThat(InboxDecisions.classify(pgFailure("23502", "null value in column \"locale\"")))
                .isEqualTo(InboxDecisions.FailureKind.OTHER);
        assertThat(InboxDecisions.classify(pgFailure("40001", "could not serialize access")))
                .isEqualTo(InboxDecisions.FailureKind.OTHER);
    }

    @Test
    void aCauseChainThatLoopsIsClassifiedWithoutHanging() {
        RuntimeException first = new RuntimeException("a");
        RuntimeException second = new RuntimeException("b", first);
        first.initCause(second);

        assertThat(InboxDecisions.classify(first)).isEqualTo(InboxDecisions.FailureKind.OTHER);
    }

    @Test
    void theWaitDoublesUpToItsCeiling() {
        Duration initial = Duration.ofMillis(200);
        Duration ceiling = Duration.ofSeconds(30);

        assertThat(InboxDecisions.backoff(1, initial, ceiling)).isEqualTo(Duration.ofMillis(200));
        assertThat(InboxDecisions.backoff(2, initial, ceiling)).isEqualTo(Duration.ofMillis(400));
        assertThat(InboxDecisions.backoff(5, initial, ceiling)).isEqualTo(Duration.ofMillis(3200));
        assertThat(InboxDecisions.backoff(9, initial, ceiling)).isEqualTo(ceiling);
        assertThat(InboxDecisions.backoff(10_000, initial, ceiling)).isEqualTo(ceiling);
    }

    private static io.vertx.pgclient.PgException pgFailure(String sqlState, String message) {
        return new io.vertx.pgclient.PgException(message, "FATAL", sqlState, null);
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

        @Override
        public Duration outageMaxBackoff() {
            return Duration.ofMillis(5);
        }

        @Override
        public Duration retention() {
            return Duration.ofDays(30);
        }

        @Override
        public Duration retentionSweepEvery() {
            return Duration.ofHours(1);
        }

        @Override
        public int retentionBatchSize() {
            return 1000;
        }
    }
}
