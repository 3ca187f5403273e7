package dev.postventa.returns.feedback;

import dev.postventa.events.returns.FeedbackReceived;
import dev.postventa.support.web.DateRange;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code feedback} section of {@code GET /ops/kpis}: the survey answers received (our clock) in the range, overall,
 * per UTC day, by the return's reasons and categories (a return with two reasons counts in both), and the latest
 * comments. Two queries in PostgreSQL; the scores are computed by {@link FeedbackScores}.
 */
@ApplicationScoped
public class FeedbackKpis {

    /** The section: NPS and CSAT overall, per UTC day, per reason, per category; the latest comments. */
    public record View(FeedbackScores.Nps nps, FeedbackScores.Csat csat, List<Group> byDay, List<Group> byReason,
                       List<Group> byCategory, List<Comment> comments) {
    }

    /** The scores of one day ({@code key} = ISO date), reason or category. */
    public record Group(String key, FeedbackScores.Nps nps, FeedbackScores.Csat csat) {
    }

    /** A comment for operations to read, newest first. */
    public record Comment(String rmaNumber, String kind, int score, String comment, Instant receivedAt) {
    }

    // One row per (dimension, key, kind) with what both scores need; the score bands are read per kind in Java.
    private static final String SCORES = """
            WITH a AS (SELECT * FROM feedback_answer WHERE received_at >= :from AND received_at < :to),
            keyed AS (
                SELECT 'all' AS dim, '' AS key, kind, score FROM a
                UNION ALL SELECT 'day', to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'), kind, score FROM a
                UNION ALL SELECT 'reason', r.value, kind, score FROM a CROSS JOIN LATERAL jsonb_array_elements_text(a.reasons) r
                UNION ALL SELECT 'category', c.value, kind, score FROM a
                    CROSS JOIN LATERAL jsonb_array_elements_text(a.categories) c)
            SELECT dim, key, kind, count(*), count(*) FILTER (WHERE score >= 9), count(*) FILTER (WHERE score <= 6),
                   coalesce(sum(score), 0), count(*) FILTER (WHERE score >= 4)
            FROM keyed GROUP BY dim, key, kind ORDER BY dim, key, kind""";
    private static final String COMMENTS = """
            SELECT r.rma_number, a.kind, a.score, a.comment, a.received_at
            FROM feedback_answer a JOIN return_request r ON r.id = a.return_id
            WHERE a.comment IS NOT NULL AND a.received_at >= :from AND a.received_at < :to
            ORDER BY a.received_at DESC, a.return_id LIMIT :limit""";

    private final SurveyConfig config;

    FeedbackKpis(SurveyConfig config) {
        this.config = config;
    }

    public Uni<View> of(DateRange range) {
        OffsetDateTime from = range.fromInstant().atOffset(ZoneOffset.UTC);
        OffsetDateTime to = range.toInstant().atOffset(ZoneOffset.UTC);
        return Panache.withSession(() -> Panache.getSession().chain(session -> session.createNativeQuery(SCORES)
                .setParameter("from", from).setParameter("to", to).getResultList()
                .chain(scores -> session.createNativeQuery(COMMENTS)
                        .setParameter("from", from).setParameter("to", to)
                        .setParameter("limit", config.commentsListed()).getResultList()
                        .map(comments -> view(scores, comments)))));
    }

    private static View view(List<Object> scoreRows, List<Object> commentRows) {
        // dim -> key -> [NPS answers, promoters, detractors, CSAT answers, sum, satisfied]
        Map<String, Map<String, long[]>> figures = new LinkedHashMap<>();
        for (Object row : scoreRows) {
            Object[] r = (Object[]) row;
            long[] f = figures.computeIfAbsent((String) r[0], dim -> new LinkedHashMap<>())
                    .computeIfAbsent((String) r[1], key -> new long[6]);
            if (FeedbackReceived.NPS.equals(r[2])) {
                f[0] = number(r[3]);
                f[1] = number(r[4]);
                f[2] = number(r[5]);
            } else {
                f[3] = number(r[3]);
                f[4] = number(r[6]);
                f[5] = number(r[7]);
            }
        }
        Group all = groups(figures.get("all")).stream().findFirst().orElse(group("", new long[6]));
        List<Comment> comments = new ArrayList<>();
        for (Object row : commentRows) {
            Object[] c = (Object[]) row;
            comments.add(new Comment((String) c[0], (String) c[1], (int) number(c[2]), (String) c[3], instant(c[4])));
        }
        return new View(all.nps(), all.csat(), groups(figures.get("day")), groups(figures.get("reason")),
                groups(figures.get("category")), comments);
    }

    private static List<Group> groups(Map<String, long[]> byKey) {
        List<Group> groups = new ArrayList<>();
        if (byKey != null) {
            byKey.forEach((key, f) -> groups.add(group(key, f)));
        }
        return groups;
    }

    private static Group group(String key, long[] f) {
        return new Group(key, FeedbackScores.nps(f[0], f[1], f[2]), FeedbackScores.csat(f[3], f[4], f[5]));
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof java.time.LocalDateTime time) {
            return time.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp time) {
            return time.toInstant();
        }
        return (Instant) value;
    }
}
