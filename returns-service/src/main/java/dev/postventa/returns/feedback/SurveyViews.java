package dev.postventa.returns.feedback;

import java.time.Instant;
import java.util.List;

/** What the answer API shows: never the return's or order's ids, only its RMA number (printed on the label). */
public final class SurveyViews {

    private SurveyViews() {
    }

    /** {@code GET /surveys/{token}}. */
    public record Survey(String rmaNumber, List<String> kinds, boolean answered, Instant expiresAt) {
    }

    /** The stored answer ({@code POST /surveys/{token}}, 201). */
    public record Answer(String rmaNumber, String kind, int score, String comment, Instant receivedAt) {
    }
}
