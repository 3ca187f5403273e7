package dev.postventa.support.effect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private final RetrySchedule schedule = new RetrySchedule(5, Duration.ofSeconds(1), Duration.ofSeconds(10));

    @Test
    void waitsDoubleAfterEachFailedAttempt() {
        assertThat(schedule.waitAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(schedule.waitAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(schedule.waitAfter(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(schedule.waitAfter(4)).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void waitsNeverExceedTheMaximumBackoff() {
        assertThat(schedule.waitAfter(5)).isEqualTo(Duration.ofSeconds(10));
        assertThat(schedule.waitAfter(12)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aVeryLateAttemptStillWaitsTheMaximumInsteadOfOverflowing() {
        RetrySchedule hours = new RetrySchedule(1000, Duration.ofHours(1), Duration.ofDays(1));

        assertThat(hours.waitAfter(64)).isEqualTo(Duration.ofDays(1));
        assertThat(hours.waitAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void anAttemptNumberBelowOneWaitsTheInitialBackoff() {
        assertThat(schedule.waitAfter(0)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void allowsAnotherAttemptOnlyWhileTheMaximumIsNotReached() {
        assertThat(schedule.allowsAnotherAfter(1)).isTrue();
        assertThat(schedule.allowsAnotherAfter(4)).isTrue();
        assertThat(schedule.allowsAnotherAfter(5)).isFalse();
        assertThat(schedule.allowsAnotherAfter(6)).isFalse();
    }

    @Test
    void aSingleAttemptScheduleNeverRetries() {
        RetrySchedule once = new RetrySchedule(1, Duration.ofSeconds(1), Duration.ofSeconds(1));

        assertThat(once.allowsAnotherAfter(1)).isFalse();
    }

    @Test
    void fewerThanOneAttemptIsRefused() {
        assertThatThrownBy(() -> new RetrySchedule(0, Duration.ofSeconds(1), Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new RetrySchedule(-3, Duration.ofSeconds(1), Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isBuiltFromTheEffectsSettings() {
        RetrySchedule fromConfig = RetrySchedule.of(new TestEffectsConfig(3, Duration.ofMillis(250),
                Duration.ofSeconds(1)));

        assertThat(fromConfig).isEqualTo(new RetrySchedule(3, Duration.ofMillis(250), Duration.ofSeconds(1)));
        assertThat(fromConfig.waitAfter(2)).isEqualTo(Duration.ofMillis(500));
        assertThat(fromConfig.waitAfter(4)).isEqualTo(Duration.ofSeconds(1));
    }

    /** The settings a service would configure under {@code postventa.effects.*}. */
    private record TestEffectsConfig(int maxAttempts, Duration initialBackoff, Duration maxBackoff)
            implements EffectsConfig {

        @Override
        public Duration pollInterval() {
            return Duration.ofSeconds(1);
        }

        @Override
        public int batchSize() {
            return 20;
        }

        @Override
        public Duration callTimeout() {
            return Duration.ofSeconds(30);
        }

        @Override
        public Duration leaseMargin() {
            return Duration.ofSeconds(30);
        }
    }
}
