package dev.postventa.returns.kpi;

import dev.postventa.returns.orders.OrderSnapshot;
import dev.postventa.returns.request.ReturnRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * KPI facts of one transaction, held back until it has committed. Why: a transaction that rolls back (or an inbox
 * attempt that is retried) must not count, and a redelivered event (a duplicate claim) runs no handler at all. So a
 * caller creates one buffer per request or record, the transaction's work adds to it (a retried attempt calls
 * {@link #discard()} first, dropping what a failed attempt added), and only the Uni that completes after the commit
 * calls {@link #count()}. A failure discards everything.
 */
public final class KpiFacts {

    private static final Logger LOG = Logger.getLogger(KpiFacts.class);

    private final KpiMetrics metrics;
    private final List<Runnable> pending = new ArrayList<>();

    KpiFacts(KpiMetrics metrics) {
        this.metrics = metrics;
    }

    /** A return made a transition ({@link KpiMetrics#REQUESTED} ...); {@code order} gives the lines' categories. */
    public void transition(String transition, ReturnRequest request, OrderSnapshot order) {
        pending.add(() -> metrics.transition(transition, request, order));
    }

    /** An order seen for the first time by the read model. */
    public void sold(OrderSnapshot order) {
        pending.add(() -> metrics.sold(order));
    }

    public void labelCreated(Instant requested, Instant at) {
        pending.add(() -> metrics.timeToLabel(requested, at));
    }

    public void received(Instant requested, Instant at) {
        pending.add(() -> metrics.timeToReceipt(requested, at));
    }

    public void refunded(Instant requested, Instant at) {
        pending.add(() -> metrics.timeToRefund(requested, at));
    }

    /** Drops what was added (a failed or retried attempt). */
    public void discard() {
        pending.clear();
    }

    /** The transaction committed: the facts go to the meters, once. */
    public void count() {
        List<Runnable> committed = List.copyOf(pending);
        pending.clear();
        for (Runnable fact : committed) {
            try {
                fact.run();
            } catch (RuntimeException e) {
                // The business change is committed; a metric must never turn it into a failure (or a retry).
                LOG.warnf(e, "a KPI metric could not be counted");
            }
        }
    }
}
