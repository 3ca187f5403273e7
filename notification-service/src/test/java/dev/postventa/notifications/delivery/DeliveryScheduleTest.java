package dev.postventa.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postventa.support.effect.RetrySchedule;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The promise of the production defaults in application.properties: 12 attempts over about 3 hours of SMTP outage,
 * through the shared effect schedule.
 */
class DeliveryScheduleTest {

    private static final Pattern DEFAULT = Pattern.compile("\\$\\{[A-Z_]+:(.*)}");

    @Test
    void twelveAttemptsOverAboutThreeHours() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        RetrySchedule schedule = new RetrySchedule(Integer.parseInt(defaultOf(properties, "max-attempts")),
                duration(defaultOf(properties, "initial-backoff")), duration(defaultOf(properties, "max-backoff")));

        assertThat(schedule.maxAttempts()).isEqualTo(12);
        assertThat(schedule.allowsAnotherAfter(11)).isTrue();
        assertThat(schedule.allowsAnotherAfter(12)).isFalse();
        assertThat(IntStream.rangeClosed(1, 11).mapToObj(schedule::waitAfter).toList()).containsExactly(
                Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(40), Duration.ofSeconds(80),
                Duration.ofSeconds(160), Duration.ofSeconds(320), Duration.ofSeconds(640), Duration.ofSeconds(1280),
                Duration.ofSeconds(2560), Duration.ofMinutes(45), Duration.ofMinutes(45));
        Duration outage = IntStream.rangeClosed(1, 11).mapToObj(schedule::waitAfter)
                .reduce(Duration.ZERO, Duration::plus);
        assertThat(outage).isBetween(Duration.ofMinutes(165), Duration.ofMinutes(195));
    }

    private static String defaultOf(Properties properties, String setting) {
        String value = properties.getProperty("postventa.effects." + setting);
        Matcher m = DEFAULT.matcher(value);
        return m.matches() ? m.group(1) : value;
    }

    /** Quarkus's short form: 10s, 45m, 1h. */
    private static Duration duration(String text) {
        return Duration.parse("PT" + text.toUpperCase());
    }
}
