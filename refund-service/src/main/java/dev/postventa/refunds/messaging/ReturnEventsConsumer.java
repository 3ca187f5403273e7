package dev.postventa.refunds.messaging;

import dev.postventa.events.returns.ReturnResolved;
import dev.postventa.refunds.credit.StoreCreditService;
import dev.postventa.refunds.refund.RefundService;
import dev.postventa.support.inbox.EventDispatcher;
import dev.postventa.support.inbox.EventHandlers;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Settles every resolved return (once per event id, and once per return): owes the refund of its {@code refundAmount}
 * (paid by an effect after the commit) and credits its {@code creditAmount} (plus the shop's bonus) to the customer's
 * store credit, in the inbox's transaction. {@code ReturnReceived} is no longer handled: since resolutions (issue 10)
 * a received return may still be inspected, exchanged or credited, so money is settled only from {@code
 * ReturnResolved}; the dispatcher skips it like every other return event (logged and counted).
 */
@ApplicationScoped
public class ReturnEventsConsumer {

    private static final Logger LOG = Logger.getLogger(ReturnEventsConsumer.class);

    private final EventDispatcher dispatcher;
    private final EventHandlers handlers;

    ReturnEventsConsumer(EventDispatcher dispatcher, RefundService refunds, StoreCreditService credits) {
        this.dispatcher = dispatcher;
        // A ReturnResolved that breaks its contract fails before anything is stored and goes to the dead-letter topic.
        this.handlers = EventHandlers.create().on(ReturnResolved.class, event -> Uni.createFrom()
                .item(() -> ReturnResolvedContract.check(event))
                .chain(resolved -> {
                    boolean refund = resolved.refundAmount().amount().signum() > 0;
                    boolean credit = resolved.creditAmount().amount().signum() > 0;
                    if (!refund && !credit) {
                        LOG.infof("return %s is resolved without money back (exchanges only, or nothing accepted)",
                                resolved.returnId());
                    }
                    Uni<Void> refunded = refund ? refunds.owe(resolved) : Uni.createFrom().voidItem();
                    return refunded.chain(() -> credit ? credits.issue(resolved) : Uni.createFrom().voidItem());
                }));
    }

    @Incoming("returns")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return dispatcher.dispatch(record, handlers);
    }
}
