package dev.postventa.returns.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class FeedbackScoresTest {

    @Test
    void npsIsPromotersMinusDetractorsInPercentOneDecimal() {
        // 10, 9, 9, 8, 5, 0: three promoters, one passive, two detractors of six.
        assertThat(FeedbackScores.nps(6, 3, 2))
                .isEqualTo(new FeedbackScores.Nps(6, 3, 1, 2, new BigDecimal("16.7")));
        assertThat(FeedbackScores.nps(3, 0, 2).score()).isEqualByComparingTo("-66.7");
        assertThat(FeedbackScores.nps(4, 4, 0).score()).isEqualByComparingTo("100.0");
        assertThat(FeedbackScores.nps(1, 0, 1).score()).isEqualByComparingTo("-100.0");
        assertThat(FeedbackScores.nps(8, 1, 0).score()).isEqualByComparingTo("12.5");
        // 1/16 = 6.25 % → half away from zero.
        assertThat(FeedbackScores.nps(16, 1, 0).score()).isEqualByComparingTo("6.3");
        assertThat(FeedbackScores.nps(16, 0, 1).score()).isEqualByComparingTo("-6.3");
        assertThat(FeedbackScores.nps(0, 0, 0)).isEqualTo(new FeedbackScores.Nps(0, 0, 0, 0, null));
    }

    @Test
    void csatIsTheAverageAndTheShareOfFoursAndFives() {
        // 5, 4, 2
        assertThat(FeedbackScores.csat(3, 11, 2))
                .isEqualTo(new FeedbackScores.Csat(3, new BigDecimal("3.67"), new BigDecimal("66.7")));
        assertThat(FeedbackScores.csat(0, 0, 0)).isEqualTo(new FeedbackScores.Csat(0, null, null));
    }

    @Test
    void bandsFollowTheUsualCuts() {
        assertThat(FeedbackScores.band("NPS", 10)).isEqualTo("promoter");
        assertThat(FeedbackScores.band("NPS", 9)).isEqualTo("promoter");
        assertThat(FeedbackScores.band("NPS", 7)).isEqualTo("passive");
        assertThat(FeedbackScores.band("NPS", 6)).isEqualTo("detractor");
        assertThat(FeedbackScores.band("NPS", 0)).isEqualTo("detractor");
        assertThat(FeedbackScores.band("CSAT", 4)).isEqualTo("satisfied");
        assertThat(FeedbackScores.band("CSAT", 3)).isEqualTo("neutral");
        assertThat(FeedbackScores.band("CSAT", 2)).isEqualTo("dissatisfied");
    }
}
