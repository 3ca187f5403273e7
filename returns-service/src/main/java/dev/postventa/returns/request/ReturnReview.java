package dev.postventa.returns.request;

import dev.postventa.returns.kpi.KpiFacts;
import dev.postventa.returns.kpi.KpiMetrics;
import dev.postventa.returns.orders.OrderSnapshot;
import dev.postventa.returns.policy.ReturnShipBy;
import dev.postventa.support.outbox.OutboxWriter;
import dev.postventa.support.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Manual review by operations (when {@code RETURN_AUTO_APPROVE=false} leaves returns REQUESTED): approve or reject
 * one return. Loads it row-locked, lets {@link ReturnRequest} decide, records its history and events in one
 * transaction. The lock serialises simultaneous decisions on one return: the second sees the first's status and is
 * refused by the transition (409), so a return is approved once, with one RMA and one {@code ReturnApproved}.
 */
@ApplicationScoped
public class ReturnReview {

    private final RmaNumbers rmaNumbers;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final ReturnRequestService requests;
    private final KpiMetrics kpis;
    private final ReturnShipBy shipBy;

    ReturnReview(RmaNumbers rmaNumbers, OutboxWriter outbox, Clock clock, ReturnRequestService requests,
                 KpiMetrics kpis, ReturnShipBy shipBy) {
        this.kpis = kpis;
        this.shipBy = shipBy;
        this.rmaNumbers = rmaNumbers;
        this.outbox = outbox;
        this.clock = clock;
        this.requests = requests;
    }

    public Uni<ReturnView> approve(UUID id) {
        return decide(id, KpiMetrics.APPROVED, (request, order) -> request.approveOnReview(rmaNumbers.next(),
                shipBy.of(order, request.lines), clock.instant()), false);
    }

    public Uni<ReturnView> reject(UUID id, String reason) {
        return decide(id, KpiMetrics.REJECTED, (request, order) -> request.reject(reason, clock.instant()), true);
    }

    /**
     * {@code releasesUnits}: the step gives the return's units back to its order (a rejection). The step sees the
     * order (an approval's ship-by time is counted from its delivery).
     */
    private Uni<ReturnView> decide(UUID id, String kpiTransition,
                                   BiFunction<ReturnRequest, OrderSnapshot, Transition> step, boolean releasesUnits) {
        KpiFacts facts = kpis.facts();
        return Panache.withTransaction(() -> ReturnRequest.<ReturnRequest>findById(id, LockModeType.PESSIMISTIC_WRITE)
                        .onItem().ifNull().failWith(() -> ProblemException.notFound("Return", id.toString()))
                        // The order row is locked after the return's: creating a return locks only the order, so
                        // the two never wait for each other in opposite order.
                        .chain(request -> OrderSnapshot.<OrderSnapshot>findById(request.orderId,
                                        releasesUnits ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE)
                                .chain(order -> Uni.createFrom().item(() -> step.apply(request, order))
                                        .chain(done -> Records.record(done, outbox).replaceWith(done.request()))
                                        .invoke(decided -> {
                                            if (releasesUnits) {
                                                order.releaseReturned(decided.lines);
                                            }
                                            facts.transition(kpiTransition, decided, order);
                                        }))))
                // Counted after the commit only: a refused (409) or failed decision counts nothing.
                .onFailure().invoke(facts::discard)
                .invoke(facts::count)
                .onFailure(IllegalTransitionException.class).transform(ReturnReview::conflict)
                .chain(() -> requests.find(id));
    }

    private static ProblemException conflict(Throwable refused) {
        return new ProblemException(409, "illegal-transition", "Return cannot make this step", refused.getMessage(),
                List.of());
    }
}
