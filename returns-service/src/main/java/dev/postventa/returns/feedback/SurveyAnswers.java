package dev.postventa.returns.feedback;

import dev.postventa.events.returns.FeedbackReceived;
import dev.postventa.events.ReturnedLine;
import dev.postventa.events.EventJson;
import dev.postventa.returns.request.ReturnRequest;
import dev.postventa.support.outbox.OutboxWriter;
import dev.postventa.support.problem.Problem.FieldViolation;
import dev.postventa.support.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Reads and answers a survey by its token. One answer per return: the insert is {@code ON CONFLICT DO NOTHING} on the
 * return's primary key, so of simultaneous answers exactly one is stored (the others wait for its commit and find it)
 * and only that one writes {@code FeedbackReceived} to the outbox, in its transaction.
 */
@ApplicationScoped
public class SurveyAnswers {

    private static final Logger LOG = Logger.getLogger(SurveyAnswers.class);
    public static final List<String> KINDS = List.of(FeedbackReceived.NPS, FeedbackReceived.CSAT);
    public static final int MAX_COMMENT = 2000;

    private static final String INSERT = """
            INSERT INTO feedback_answer (return_id, kind, score, comment, reasons, categories, received_at)
            VALUES (:returnId, :kind, :score, :comment, CAST(CAST(:reasons AS text) AS jsonb),
                    CAST(CAST(:categories AS text) AS jsonb), :now)
            ON CONFLICT (return_id) DO NOTHING""";
    private static final String ANSWERED = "SELECT count(*) FROM feedback_answer WHERE return_id = :returnId";

    private final SurveyLinks links;
    private final OutboxWriter outbox;
    private final FeedbackMetrics metrics;
    private final Clock clock;

    SurveyAnswers(SurveyLinks links, OutboxWriter outbox, FeedbackMetrics metrics, Clock clock) {
        this.links = links;
        this.outbox = outbox;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** A survey opened by its link, with the customer's locale (the page's language; the API never shows it). */
    public record Opened(SurveyViews.Survey survey, String locale) {
    }

    /** A stored answer, with the customer's locale. */
    public record Stored(SurveyViews.Answer answer, String locale) {
    }

    public Uni<Opened> read(String token) {
        SurveyTokens.Verified survey = verify(token);
        return Panache.withSession(() -> ReturnRequest.<ReturnRequest>findById(survey.returnId())
                .onItem().ifNull().failWith(SurveyAnswers::unknown)
                .chain(request -> Panache.getSession().chain(session -> session.createNativeQuery(ANSWERED, Long.class)
                                .setParameter("returnId", survey.returnId()).getSingleResult())
                        .map(answers -> new Opened(new SurveyViews.Survey(request.rmaNumber, KINDS, answers > 0,
                                survey.expiresAt()), request.customer().locale()))));
    }

    public Uni<Stored> answer(String token, SurveyAnswer body) {
        SurveyTokens.Verified survey = verify(token);
        Valid answer = validate(body);
        Instant now = clock.instant();
        return Panache.withTransaction(() -> ReturnRequest.<ReturnRequest>findById(survey.returnId())
                        .onItem().ifNull().failWith(SurveyAnswers::unknown)
                        .chain(request -> store(request, answer, now)
                                .map(stored -> new Stored(stored, request.customer().locale()))))
                .invoke(stored -> metrics.received(stored.answer().kind(), stored.answer().score())); // after commit
    }

    private Uni<SurveyViews.Answer> store(ReturnRequest request, Valid answer, Instant now) {
        List<String> reasons = distinct(request.lines.stream().map(ReturnedLine::reason).toList());
        List<String> categories = distinct(request.lines.stream().map(ReturnedLine::category).toList());
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                        .setParameter("returnId", request.id)
                        .setParameter("kind", answer.kind())
                        .setParameter("score", answer.score())
                        .setParameter("comment", answer.comment())
                        .setParameter("reasons", json(reasons))
                        .setParameter("categories", json(categories))
                        .setParameter("now", Surveys.utc(now))
                        .executeUpdate())
                .chain(rows -> {
                    if (rows == 0) {
                        LOG.infof("return %s: survey already answered; %s %d refused", request.id, answer.kind(),
                                answer.score());
                        return Uni.createFrom().failure(new ProblemException(409, "already-answered",
                                "Survey already answered", "this return's survey has already been answered",
                                List.of()));
                    }
                    LOG.infof("return %s: survey answered, %s %d", request.id, answer.kind(), answer.score());
                    return outbox.publish(new FeedbackReceived(request.id, request.orderId, answer.kind(),
                                    answer.score(), answer.comment(), reasons, categories, now))
                            .replaceWith(new SurveyViews.Answer(request.rmaNumber, answer.kind(), answer.score(),
                                    answer.comment(), now));
                });
    }

    private SurveyTokens.Verified verify(String token) {
        SurveyTokens.Verified survey = links.tokens().flatMap(tokens -> tokens.verify(token, clock.instant()))
                .orElseThrow(SurveyAnswers::unknown);
        if (survey.expired()) {
            throw new ProblemException(410, "survey-expired", "Survey expired",
                    "this survey could be answered until " + survey.expiresAt(), List.of());
        }
        return survey;
    }

    /** A valid answer: kind, score in its range, comment trimmed (blank = none). */
    record Valid(String kind, int score, String comment) {
    }

    static Valid validate(SurveyAnswer body) {
        if (body == null) {
            throw ProblemException.invalid("Request is not valid",
                    List.of(new FieldViolation("body", "a JSON body is required")));
        }
        List<FieldViolation> violations = new ArrayList<>();
        String kind = body.kind();
        if (kind == null || kind.isBlank()) {
            violations.add(new FieldViolation("kind", "is required: NPS or CSAT"));
        } else if (!KINDS.contains(kind)) {
            violations.add(new FieldViolation("kind", "must be NPS or CSAT"));
        }
        if (body.score() == null) {
            violations.add(new FieldViolation("score", "is required"));
        } else if (FeedbackReceived.NPS.equals(kind) && (body.score() < 0 || body.score() > 10)) {
            violations.add(new FieldViolation("score", "must be between 0 and 10 for NPS"));
        } else if (FeedbackReceived.CSAT.equals(kind) && (body.score() < 1 || body.score() > 5)) {
            violations.add(new FieldViolation("score", "must be between 1 and 5 for CSAT"));
        }
        String comment = body.comment() == null || body.comment().isBlank() ? null : body.comment().strip();
        if (comment != null && comment.length() > MAX_COMMENT) {
            violations.add(new FieldViolation("comment", "must be at most " + MAX_COMMENT + " characters"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.unprocessable("invalid-answer", "Answer is not valid", violations);
        }
        return new Valid(kind, body.score(), comment);
    }

    private static List<String> distinct(List<String> values) {
        return List.copyOf(new LinkedHashSet<>(values.stream().filter(Objects::nonNull).toList()));
    }

    private static String json(List<String> values) {
        return EventJson.toJson(values);
    }

    // Forged, malformed, or a return we do not know: the same answer, revealing nothing.
    private static ProblemException unknown() {
        return new ProblemException(404, "not-found", "Survey not found", "no such survey", List.of());
    }
}
