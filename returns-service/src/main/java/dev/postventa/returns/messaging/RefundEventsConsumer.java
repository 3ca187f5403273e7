package dev.postventa.returns.messaging;

import dev.postventa.events.refunds.RefundIssued;
import dev.postventa.returns.feedback.Surveys;
import dev.postventa.returns.kpi.KpiFacts;
import dev.postventa.returns.kpi.KpiMetrics;
import dev.postventa.returns.request.RefundProgress;
import dev.postventa.support.inbox.EventDispatcher;
import dev.postventa.support.inbox.EventHandlers;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Records when refund-service refunded a return (for the "time to refund" KPI) and schedules its satisfaction
 * survey, once per event id. RefundFailed and
 * other types are skipped visibly by the dispatcher: a failed refund is not a milestone of the return.
 */
@ApplicationScoped
public class RefundEventsConsumer {

    private final RefundProgress refunds;
    private final EventDispatcher dispatcher;
    private final KpiMetrics kpis;
    private final Surveys surveys;

    RefundEventsConsumer(RefundProgress refunds, EventDispatcher dispatcher, KpiMetrics kpis, Surveys surveys) {
        this.refunds = refunds;
        this.dispatcher = dispatcher;
        this.kpis = kpis;
        this.surveys = surveys;
    }

    @Incoming("refunds")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        KpiFacts facts = kpis.facts();
        EventHandlers handlers = EventHandlers.create().on(RefundIssued.class, event -> {
            facts.discard(); // a retried attempt starts afresh: only the committed one counts
            return refunds.issued(event, facts)
                    .chain(() -> surveys.schedule(event.returnId(), "RefundIssued")); // the first settlement asks
        });
        return dispatcher.dispatch(record, handlers).invoke(facts::count).onFailure().invoke(facts::discard);
    }
}
