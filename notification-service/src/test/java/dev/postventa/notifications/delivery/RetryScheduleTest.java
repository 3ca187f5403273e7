package dev.postventa.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The production schedule: three quick attempts, then doubling waits up to an hour, 12 attempts in about 3 hours. */
class RetryScheduleTest {

    final RetrySchedule schedule = new RetrySchedule(2, Duration.ofMillis(500), Duration.ofSeconds(30),
            Duration.ofHours(1), Duration.ofSeconds(30));

    @Test
    void quickRetriesFollowTheFirstAttemptsWithADoublingBackoff() {
        assertThat(schedule.retriesAtOnce(1)).isTrue();
        assertThat(schedule.retriesAtOnce(2)).isTrue();
        assertThat(schedule.retriesAtOnce(3)).isFalse();
        assertThat(schedule.beforeQuickRetry(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(schedule.beforeQuickRetry(2)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void theSweeperWaitsLongerAfterEachFailureButNeverMoreThanTheCeiling() {
        assertThat(IntStream.rangeClosed(3, 11).mapToObj(schedule::afterFailure).toList()).containsExactly(
                Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
                Duration.ofMinutes(8), Duration.ofMinutes(16), Duration.ofMinutes(32), Duration.ofHours(1),
                Duration.ofHours(1));
        assertThat(schedule.afterFailure(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(schedule.afterFailure(500)).isEqualTo(Duration.ofHours(1));
        Duration outageCovered = IntStream.rangeClosed(3, 11).mapToObj(schedule::afterFailure)
                .reduce(Duration.ZERO, Duration::plus);
        assertThat(outageCovered).isGreaterThan(Duration.ofHours(3));
    }

    @Test
    void anAttemptInFlightIsLeftAloneUntilItsSendTimeoutAndTheUsualWaitAreOver() {
        assertThat(schedule.lease()).isEqualTo(Duration.ofMinutes(1));
    }
}
