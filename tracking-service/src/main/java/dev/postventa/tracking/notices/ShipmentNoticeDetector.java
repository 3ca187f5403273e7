package dev.postventa.tracking.notices;

import dev.postventa.events.DomainEvent;
import dev.postventa.events.shipments.ShipmentStatus;
import dev.postventa.support.outbox.OutboxWriter;
import dev.postventa.tracking.TrackingConfig;
import dev.postventa.tracking.shipment.Shipment;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Finds shipments owed a stall notice or a label reminder ({@link ShipmentNotices#due}) every
 * {@code postventa.tracking.stall.refresh} and tells each once through the outbox. Each shipment is handled in its own
 * transaction with its row locked and the rule checked again under the lock, so two replicas (or two runs) that pick
 * the same shipment emit one event: the second finds the notice marked. A shipment that fails is logged and tried
 * again at the next refresh; the others go on.
 */
@ApplicationScoped
public class ShipmentNoticeDetector {

    private static final Logger LOG = Logger.getLogger(ShipmentNoticeDetector.class);

    // The same rules as ShipmentNotices.due and LabelReminders (and StalledShipments), to find candidates without
    // loading every shipment; the stall deadline column where set (StallDeadlines), else the global SLAs;
    // an entity query, not a native select (Hibernate caches native select plans under keys that never repeat).
    private static final String LAST_MOVEMENT =
            "coalesce((select max(sc.receivedAt) from Scan sc where sc.shipmentId = s.id), s.statusAt)";
    private static final String CANDIDATES = """
            select s.id from Shipment s
            where s.labelState = :created and s.cancelledAt is null and s.status <> :delivered
              and ((s.stallNotifiedAt is null and (s.stallDueAt < :now or (s.stallDueAt is null
                    and ((s.status = :unused and %1$s < :labelCutoff) or (s.status <> :unused and %1$s < :transitCutoff)))))
                or (s.labelRemindedAt is null and s.stallNotifiedAt is null and s.status = :unused
                    and s.statusAt < :reminderMinAgeCutoff
                    and (s.statusAt < :reminderCutoff or s.shipBy < :reminderLeadHorizon)
                    and (s.shipBy is null or s.shipBy > :now)
                    and not exists (select 1 from Scan sc where sc.shipmentId = s.id)))
            order by s.createdAt, s.id""".formatted(LAST_MOVEMENT);

    private final OutboxWriter outbox;
    private final TrackingConfig tracking;
    private final NoticesConfig notices;
    private final LabelReminderConfig reminder;
    private final Clock clock;
    private volatile boolean failing;

    ShipmentNoticeDetector(OutboxWriter outbox, TrackingConfig tracking, NoticesConfig notices,
                           LabelReminderConfig reminder, Clock clock) {
        this.outbox = outbox;
        this.tracking = tracking;
        this.notices = notices;
        this.reminder = reminder;
        this.clock = clock;
    }

    @Scheduled(identity = "shipment-notices", every = "${postventa.tracking.stall.refresh}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return Uni.createFrom().deferred(this::run)
                .invoke(count -> {
                    if (failing) {
                        failing = false;
                        LOG.info("shipment notices are detected again");
                    }
                })
                .onFailure().invoke(failure -> {
                    // Said once per outage, not every refresh.
                    if (!failing) {
                        failing = true;
                        LOG.warnf("could not look for shipment notices (%s); retried every refresh", failure);
                    }
                })
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** One pass: the notices emitted (at most {@code batch-size}). Safe to run concurrently, on any replica. */
    public Uni<Integer> run() {
        ShipmentNotices.Slas slas = slas();
        Instant now = clock.instant();
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                        .createSelectionQuery(CANDIDATES, UUID.class)
                        .setParameter("created", Shipment.LabelState.CREATED)
                        .setParameter("delivered", ShipmentStatus.DELIVERED_TO_WAREHOUSE)
                        .setParameter("unused", ShipmentStatus.LABEL_CREATED)
                        .setParameter("labelCutoff", now.minus(slas.labelUnused()))
                        .setParameter("transitCutoff", now.minus(slas.inTransit()))
                        .setParameter("reminderCutoff", now.minus(slas.labelReminderAfter()))
                        .setParameter("reminderMinAgeCutoff", now.minus(slas.labelReminderMinAge()))
                        .setParameter("reminderLeadHorizon", now.plus(slas.labelReminderLead()))
                        .setParameter("now", now)
                        .setMaxResults(notices.batchSize())
                        .getResultList()))
                // Each shipment after the candidates' session is closed: a fresh session, so the locked read sees
                // the row as committed by whoever held the lock before, never a cached copy.
                .onItem().transformToMulti(ids -> Multi.createFrom().iterable(ids))
                .onItem().transformToUniAndConcatenate(id -> notify(id, slas)
                        .onFailure().recoverWithItem(failure -> {
                            LOG.warnf("shipment %s: could not emit its notice (%s); tried again next refresh", id,
                                    failure);
                            return 0;
                        }))
                .collect().with(java.util.stream.Collectors.summingInt(Integer::intValue));
    }

    private Uni<Integer> notify(UUID shipmentId, ShipmentNotices.Slas slas) {
        return Panache.withTransaction(() -> Shipment.<Shipment>find("id", shipmentId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .chain(shipment -> shipment == null ? Uni.createFrom().item(List.<DomainEvent>of())
                        : Panache.getSession().chain(session -> session
                                .createSelectionQuery("select max(receivedAt) from Scan where shipmentId = :id",
                                        Instant.class)
                                .setParameter("id", shipmentId)
                                .getSingleResultOrNull())
                        // "Now" under the lock: the rule is decided on the row as it is after any other run.
                        .map(lastScan -> ShipmentNotices.due(shipment, lastScan, clock.instant(), slas))
                        .invoke(events -> events.forEach(event -> LOG.infof("shipment %s of return %s: %s emitted",
                                shipment.id, shipment.returnId, event.getClass().getSimpleName()))))
                .chain(events -> outbox.publishAll(events).replaceWith(events.size())));
    }

    private ShipmentNotices.Slas slas() {
        return new ShipmentNotices.Slas(tracking.stall().labelUnused(), tracking.stall().inTransit(),
                notices.labelReminderAfter(), reminder.lead(), reminder.minAge());
    }
}
