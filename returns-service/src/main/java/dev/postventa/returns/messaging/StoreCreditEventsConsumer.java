package dev.postventa.returns.messaging;

import dev.postventa.events.credit.StoreCreditIssued;
import dev.postventa.returns.feedback.Surveys;
import dev.postventa.support.inbox.EventDispatcher;
import dev.postventa.support.inbox.EventHandlers;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Store credit issued for a return settles it as a refund does: schedules the return's satisfaction survey (the first
 * settlement of a return only), once per event id. Redemptions and expiries are skipped visibly by the dispatcher.
 */
@ApplicationScoped
public class StoreCreditEventsConsumer {

    private final EventDispatcher dispatcher;
    private final EventHandlers handlers;

    StoreCreditEventsConsumer(EventDispatcher dispatcher, Surveys surveys) {
        this.dispatcher = dispatcher;
        this.handlers = EventHandlers.create().on(StoreCreditIssued.class,
                credit -> surveys.schedule(credit.returnId(), "StoreCreditIssued"));
    }

    @Incoming("store-credit")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return dispatcher.dispatch(record, handlers);
    }
}
