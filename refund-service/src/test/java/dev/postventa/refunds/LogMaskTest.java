package dev.postventa.refunds;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a log line may show of an email address or a payment reference. */
class LogMaskTest {

    @Test
    void anEmailKeepsItsFirstLetterAndDomainOnly() {
        assertThat(LogMask.email("ana.garcia@example.mx")).isEqualTo("a***@example.mx");
        assertThat(LogMask.email("a@example.com")).isEqualTo("a***@example.com");
        assertThat(LogMask.email("x@y@example.com")).as("the last @ starts the domain").isEqualTo("x***@example.com");
    }

    @Test
    void somethingThatIsNotAnAddressIsHiddenWhole() {
        assertThat(LogMask.email("ana.garcia")).isEqualTo("***");
        assertThat(LogMask.email("@example.com")).isEqualTo("***");
        assertThat(LogMask.email("ana@")).isEqualTo("***");
        assertThat(LogMask.email("")).isEqualTo("***");
        assertThat(LogMask.email(null)).isNull();
    }

    @Test
    void aReferenceShowsAtMostFourCharactersAtEachEndAndNeverMoreThanAThird() {
        assertThat(LogMask.reference("sim_re_0123456789abcdef")).isEqualTo("sim_***cdef");
        assertThat(LogMask.reference("re_late_1")).isEqualTo("re_***e_1");
        assertThat(LogMask.reference("re_12")).isEqualTo("r***2");
        assertThat(LogMask.reference("re")).isEqualTo("***");
        assertThat(LogMask.reference(null)).isNull();
        String masked = LogMask.reference("pi_3PqX9aBcDeFgHiJk");
        assertThat(masked).doesNotContain("3PqX9aBcDeFg").hasSize(11);
    }
}
