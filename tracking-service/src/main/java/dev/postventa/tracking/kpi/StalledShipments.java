package dev.postventa.tracking.kpi;

import dev.postventa.support.web.DateRange;
import dev.postventa.tracking.TrackingConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Which shipments are stalled, asked of the database: a shipment with a label that is not delivered to the warehouse
 * and whose stall deadline ({@code stall_due_at}: latest movement plus the SLA of its carrier, country and status,
 * {@code dev.postventa.tracking.stall}) has passed; a row from before that column by the global SLA of its status
 * ({@link TrackingConfig.Stall}). Its latest movement is
 * the time we RECEIVED its latest scan of any kind ({@code scan.received_at}, our clock), or, with no scan yet, the
 * time we created its label ({@code shipment.status_at}, which is our label time until a scan decides). The carrier's
 * scan times are never used here: a carrier whose clock runs hours behind or ahead must not make a parcel look stalled
 * or fresh. "Now" is the {@link Clock} bean, so the rule is tested with the SLA from config and rows made old.
 */
@ApplicationScoped
public class StalledShipments {

    /** Longest list of stalled shipments an answer carries (oldest movement first). */
    public static final int MAX_LISTED = 100;

    // A label PENDING or FAILED has no carrier-facing status and no parcel to stall (label retries have their own
    // metric); DELIVERED_TO_WAREHOUSE is final; a cancelled return's label is void: no parcel will move.
    private static final String FROM = """
            FROM shipment s
            LEFT JOIN LATERAL (SELECT max(sc.received_at) AS last_scan FROM scan sc WHERE sc.shipment_id = s.id) m
                ON true
            """;
    private static final String LAST_MOVEMENT = "COALESCE(m.last_scan, s.status_at)";
    private static final String STALLED = """
            (s.label_state = 'CREATED' AND s.status <> 'DELIVERED_TO_WAREHOUSE' AND s.cancelled_at IS NULL
             AND (s.stall_due_at < :now OR (s.stall_due_at IS NULL
               AND ((s.status = 'LABEL_CREATED' AND COALESCE(m.last_scan, s.status_at) < :labelCutoff)
                 OR (s.status <> 'LABEL_CREATED' AND COALESCE(m.last_scan, s.status_at) < :transitCutoff)))))""";
    private static final String IN_RANGE = "s.created_at >= :from AND s.created_at < :to";

    private static final String BY_CARRIER = """
            SELECT s.carrier, count(*), count(*) FILTER (WHERE s.status = 'DELIVERED_TO_WAREHOUSE'),
                   count(*) FILTER (WHERE %s)
            %s WHERE %s
            GROUP BY s.carrier ORDER BY s.carrier""".formatted(STALLED, FROM, IN_RANGE);
    private static final String LISTED = """
            SELECT CAST(s.id AS text), CAST(s.return_id AS text), s.carrier, s.tracking_number, s.status,
                   CAST(floor(extract(epoch FROM %s) * 1000) AS bigint)
            %s WHERE %s AND %s
            ORDER BY %s, s.id LIMIT %d""".formatted(LAST_MOVEMENT, FROM, IN_RANGE, STALLED, LAST_MOVEMENT, MAX_LISTED);
    private static final String BY_CARRIER_AND_STATUS = """
            SELECT s.carrier, s.status, count(*)
            %s WHERE %s
            GROUP BY s.carrier, s.status""".formatted(FROM, STALLED);

    private final TrackingConfig config;
    private final Clock clock;

    StalledShipments(TrackingConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Shipments created in the range: counts per carrier and the stalled ones, as an operator reads them. */
    public Uni<ShipmentKpis> kpis(DateRange range) {
        Instant now = clock.instant();
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                .<Object[]>createNativeQuery(BY_CARRIER)
                .setParameter("from", range.fromInstant())
                .setParameter("to", range.toInstant())
                .setParameter("labelCutoff", labelCutoff(now))
                .setParameter("transitCutoff", transitCutoff(now))
                .setParameter("now", now)
                .getResultList()
                .chain(carriers -> session.<Object[]>createNativeQuery(LISTED)
                        .setParameter("from", range.fromInstant())
                        .setParameter("to", range.toInstant())
                        .setParameter("labelCutoff", labelCutoff(now))
                        .setParameter("transitCutoff", transitCutoff(now))
                        .setParameter("now", now)
                        .getResultList()
                        .map(listed -> ShipmentKpis.of(range, carriers.stream().map(StalledShipments::carrier).toList(),
                                listed.stream().map(row -> stalled(row, now)).toList())))));
    }

    /** Stalled shipments of any date, per carrier and status: what the gauge shows. */
    public Uni<List<StalledCount>> countsByCarrierAndStatus() {
        Instant now = clock.instant();
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                .<Object[]>createNativeQuery(BY_CARRIER_AND_STATUS)
                .setParameter("labelCutoff", labelCutoff(now))
                .setParameter("transitCutoff", transitCutoff(now))
                .setParameter("now", now)
                .getResultList()
                .map(rows -> rows.stream().map(row -> new StalledCount((String) row[0], (String) row[1],
                        ((Number) row[2]).longValue())).toList())));
    }

    private Instant labelCutoff(Instant now) {
        return now.minus(config.stall().labelUnused());
    }

    private Instant transitCutoff(Instant now) {
        return now.minus(config.stall().inTransit());
    }

    private static ShipmentKpis.Carrier carrier(Object[] row) {
        return new ShipmentKpis.Carrier((String) row[0], ((Number) row[1]).longValue(), ((Number) row[2]).longValue(),
                ((Number) row[3]).longValue());
    }

    private static ShipmentKpis.Stalled stalled(Object[] row, Instant now) {
        Instant lastMovement = Instant.ofEpochMilli(((Number) row[5]).longValue());
        return new ShipmentKpis.Stalled(UUID.fromString((String) row[0]), UUID.fromString((String) row[1]),
                (String) row[2], (String) row[3], (String) row[4], lastMovement,
                Math.max(0, now.getEpochSecond() - lastMovement.getEpochSecond()));
    }

    /** How many shipments of a carrier in a status are stalled. */
    public record StalledCount(String carrier, String status, long stalled) {
    }
}
