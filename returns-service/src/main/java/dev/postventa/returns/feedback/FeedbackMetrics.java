package dev.postventa.returns.feedback;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code postventa_feedback_total{kind, score_band}}: answers received, counted after their transaction committed.
 * Bands: NPS promoter (9–10), passive (7–8), detractor (0–6); CSAT satisfied (4–5), neutral (3), dissatisfied (1–2).
 */
@ApplicationScoped
public class FeedbackMetrics {

    private final MeterRegistry registry;

    FeedbackMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void received(String kind, int score) {
        Counter.builder("postventa.feedback").description("satisfaction survey answers received")
                .tag("kind", kind).tag("score_band", FeedbackScores.band(kind, score))
                .register(registry).increment();
    }
}
