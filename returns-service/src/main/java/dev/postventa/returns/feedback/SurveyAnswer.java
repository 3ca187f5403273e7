package dev.postventa.returns.feedback;

/** The body of {@code POST /surveys/{token}}: one score of one kind, an optional comment. */
public record SurveyAnswer(String kind, Integer score, String comment) {
}
