package dev.postventa.returns.kpi;

import dev.postventa.support.web.DateRange;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Computes the return KPIs in PostgreSQL, three queries over the indexed cohorts ({@code return_request.created_at},
 * {@code order_snapshot.placed_at}): totals and percentiles, the groups (over the jsonb lines), and the units sold.
 */
@ApplicationScoped
public class KpiQuery {

    /** {@code bySku} lists the SKUs with the most returned units only. */
    public static final int MAX_SKUS = 50;

    private static final String APPROVED_OR_LATER = "status IN ('APPROVED', 'IN_TRANSIT', 'RECEIVED', 'RESOLVED')";
    // Received: waiting for inspection, or resolved after receipt (a kept return is resolved without a receipt).
    private static final String RECEIVED = "(status = 'RECEIVED' OR status = 'RESOLVED' AND received_at IS NOT NULL)";

    private static final String TOTALS = """
            SELECT count(*),
                   count(*) FILTER (WHERE %1$s),
                   count(*) FILTER (WHERE status = 'REJECTED'),
                   count(*) FILTER (WHERE %5$s),
                   coalesce(sum(units), 0),
                   coalesce(sum(units) FILTER (WHERE status NOT IN ('REJECTED', 'CANCELLED')), 0),
                   %2$s, %3$s, %4$s
            FROM (SELECT r.*, (SELECT sum((l->>'quantity')::bigint) FROM jsonb_array_elements(r.lines) l) AS units
                  FROM return_request r WHERE r.created_at >= :from AND r.created_at < :to) r
            """.formatted(APPROVED_OR_LATER, percentiles("label_created_at"), percentiles("received_at"),
            percentiles("refunded_at"), RECEIVED);

    // One row per (dimension, key); a return counts once per group it has lines in. Category from the order line.
    private static final String GROUPS = """
            WITH line AS (
                SELECT r.id, r.status, r.received_at, r.country, coalesce(rl->>'reason', 'unknown') AS reason,
                       coalesce(rl->>'sku', 'unknown') AS sku, coalesce(ol.category, 'unknown') AS category,
                       (rl->>'quantity')::bigint AS quantity
                FROM return_request r
                CROSS JOIN LATERAL jsonb_array_elements(r.lines) rl
                LEFT JOIN order_snapshot o ON o.order_id = r.order_id
                LEFT JOIN LATERAL (SELECT e->>'category' AS category FROM jsonb_array_elements(o.lines) e
                                   WHERE e->>'lineId' = rl->>'lineId' LIMIT 1) ol ON true
                WHERE r.created_at >= :from AND r.created_at < :to),
            keyed AS (
                SELECT 'reason' AS dim, reason AS key, * FROM line
                UNION ALL SELECT 'category', category, * FROM line
                UNION ALL SELECT 'sku', sku, * FROM line
                UNION ALL SELECT 'country', country, * FROM line),
            grouped AS (
                SELECT dim, key, count(DISTINCT id) AS returns, sum(quantity) AS units,
                       count(DISTINCT id) FILTER (WHERE %s) AS approved,
                       count(DISTINCT id) FILTER (WHERE status = 'REJECTED') AS rejected,
                       count(DISTINCT id) FILTER (WHERE %s) AS received
                FROM keyed GROUP BY dim, key),
            ranked AS (
                SELECT *, row_number() OVER (PARTITION BY dim ORDER BY units DESC, key) AS rank FROM grouped)
            SELECT dim, key, returns, units, approved, rejected, received FROM ranked
            WHERE dim <> 'sku' OR rank <= %d
            ORDER BY dim, rank
            """.formatted(APPROVED_OR_LATER, RECEIVED, MAX_SKUS);

    private static final String SOLD = """
            SELECT coalesce(sum((e->>'quantity')::bigint), 0)
            FROM order_snapshot o CROSS JOIN LATERAL jsonb_array_elements(o.lines) e
            WHERE o.placed_at >= :from AND o.placed_at < :to
            """;

    public Uni<KpiView> kpis(DateRange range) {
        OffsetDateTime from = range.fromInstant().atOffset(ZoneOffset.UTC);
        OffsetDateTime to = range.toInstant().atOffset(ZoneOffset.UTC);
        return Panache.withSession(() -> Panache.getSession().chain(session ->
                rows(session, TOTALS, from, to).chain(totals ->
                        rows(session, GROUPS, from, to).chain(groups ->
                                rows(session, SOLD, from, to).map(sold -> view(range, totals.get(0), groups,
                                        number(single(sold.get(0)))))))));
    }

    private static Uni<List<Object>> rows(Mutiny.Session session, String sql, OffsetDateTime from, OffsetDateTime to) {
        return session.createNativeQuery(sql).setParameter("from", from).setParameter("to", to).getResultList();
    }

    private static KpiView view(DateRange range, Object totalsRow, List<Object> groupRows, long sold) {
        Object[] t = (Object[]) totalsRow;
        Map<String, List<KpiView.Group>> groups = new TreeMap<>();
        for (Object row : groupRows) {
            Object[] g = (Object[]) row;
            groups.computeIfAbsent((String) g[0], dim -> new ArrayList<>()).add(new KpiView.Group((String) g[1],
                    number(g[2]), number(g[3]), number(g[4]), number(g[5]), number(g[6])));
        }
        return new KpiView(range.from(), range.to(),
                new KpiView.Returns(number(t[0]), number(t[1]), number(t[2]), number(t[3]), number(t[4])),
                groups.getOrDefault("reason", List.of()), groups.getOrDefault("category", List.of()),
                groups.getOrDefault("sku", List.of()), groups.getOrDefault("country", List.of()),
                KpiView.ReturnRate.of(number(t[5]), sold),
                durations(t, 6), durations(t, 10), durations(t, 14), null);
    }

    private static String percentiles(String milestone) {
        String span = "extract(epoch FROM (" + milestone + " - created_at))::float8";
        return "count(" + milestone + ")"
                + ", percentile_cont(0.5) WITHIN GROUP (ORDER BY " + span + ")"
                + ", percentile_cont(0.9) WITHIN GROUP (ORDER BY " + span + ")"
                + ", percentile_cont(0.99) WITHIN GROUP (ORDER BY " + span + ")";
    }

    private static KpiView.Durations durations(Object[] row, int at) {
        long count = number(row[at]);
        return new KpiView.Durations(count, count == 0 ? null : decimal(row[at + 1]),
                count == 0 ? null : decimal(row[at + 2]), count == 0 ? null : decimal(row[at + 3]));
    }

    private static Object single(Object row) {
        return row instanceof Object[] columns ? columns[0] : row;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Double decimal(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}
