package dev.postventa.returns.feedback;

import dev.postventa.events.returns.FeedbackReceived;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The survey arithmetic, pure. NPS = % promoters (9–10) − % detractors (0–6), one decimal; CSAT = the average score
 * (two decimals) and the % of satisfied answers (4–5, one decimal). Rounded half away from zero; null without answers.
 */
public final class FeedbackScores {

    private FeedbackScores() {
    }

    /** NPS figures of {@code answers} NPS answers. */
    public record Nps(long answers, long promoters, long passives, long detractors, BigDecimal score) {
    }

    /** CSAT figures of {@code answers} CSAT answers. */
    public record Csat(long answers, BigDecimal average, BigDecimal satisfiedPercent) {
    }

    public static Nps nps(long answers, long promoters, long detractors) {
        BigDecimal score = answers == 0 ? null
                : BigDecimal.valueOf(100 * (promoters - detractors)).divide(BigDecimal.valueOf(answers), 1,
                        RoundingMode.HALF_UP);
        return new Nps(answers, promoters, answers - promoters - detractors, detractors, score);
    }

    public static Csat csat(long answers, long scoreSum, long satisfied) {
        if (answers == 0) {
            return new Csat(0, null, null);
        }
        return new Csat(answers,
                BigDecimal.valueOf(scoreSum).divide(BigDecimal.valueOf(answers), 2, RoundingMode.HALF_UP),
                BigDecimal.valueOf(100 * satisfied).divide(BigDecimal.valueOf(answers), 1, RoundingMode.HALF_UP));
    }

    /** The band of one score, for the metric: promoter / passive / detractor, satisfied / neutral / dissatisfied. */
    public static String band(String kind, int score) {
        if (FeedbackReceived.NPS.equals(kind)) {
            return score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor";
        }
        return score >= 4 ? "satisfied" : score == 3 ? "neutral" : "dissatisfied";
    }
}
