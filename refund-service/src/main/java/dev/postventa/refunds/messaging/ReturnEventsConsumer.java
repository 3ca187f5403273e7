package dev.postventa.refunds.messaging;

import dev.postventa.events.returns.ReturnReceived;
import dev.postventa.refunds.refund.RefundService;
import dev.postventa.support.inbox.EventDispatcher;
import dev.postventa.support.inbox.EventHandlers;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Owes a refund for every received return (once per event id, and once per return); the payment itself is an effect
 * performed after the commit. Other return events are skipped by the dispatcher.
 */
@ApplicationScoped
public class ReturnEventsConsumer {

    private final EventDispatcher dispatcher;
    private final EventHandlers handlers;

    ReturnEventsConsumer(EventDispatcher dispatcher, RefundService refunds) {
        this.dispatcher = dispatcher;
        // A ReturnReceived that breaks its contract fails before anything is stored and goes to the dead-letter topic.
        this.handlers = EventHandlers.create().on(ReturnReceived.class, received -> Uni.createFrom()
                .item(() -> ReturnReceivedContract.check(received))
                .chain(refunds::owe));
    }

    @Incoming("returns")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return dispatcher.dispatch(record, handlers);
    }
}
