package dev.postventa.notifications.messaging;

import dev.postventa.events.refunds.RefundFailed;
import dev.postventa.events.refunds.RefundIssued;
import dev.postventa.events.returns.ReturnApproved;
import dev.postventa.events.returns.ReturnInTransit;
import dev.postventa.events.returns.ReturnReceived;
import dev.postventa.events.shipments.ReturnShipmentCreated;
import dev.postventa.notifications.messages.CustomerMessages;
import dev.postventa.notifications.notification.NotificationService;
import dev.postventa.notifications.notification.ReturnOrders;
import dev.postventa.support.inbox.EventDispatcher;
import dev.postventa.support.inbox.EventHandlers;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Turns the customer-facing events of the journey (label created, in transit, received, refund issued or failed)
 * into emails: each is stored once per event, with the inbox claim, and delivered by the effect worker after the
 * commit. The CloudEvents id of the event is the notification's causation id. Other event types are skipped by the
 * dispatcher.
 */
@ApplicationScoped
public class JourneyEventsConsumer {

    private final EventDispatcher dispatcher;
    private final EventHandlers handlers;

    JourneyEventsConsumer(EventDispatcher dispatcher, NotificationService notifications, ReturnOrders orders) {
        this.dispatcher = dispatcher;
        // Events that carry the order also tell whose the return is (who may read its notifications).
        this.handlers = EventHandlers.create()
                .on(ReturnApproved.class, event -> orders.remember(event.returnId(), event.orderId()))
                .onWithEnvelope(ReturnShipmentCreated.class, (event, envelope) ->
                        notifications.store(CustomerMessages.labelReady(event, envelope.id())))
                .onWithEnvelope(ReturnInTransit.class, (event, envelope) ->
                        orders.remember(event.returnId(), event.orderId())
                                .chain(() -> notifications.store(CustomerMessages.inTransit(event, envelope.id()))))
                .onWithEnvelope(ReturnReceived.class, (event, envelope) ->
                        orders.remember(event.returnId(), event.orderId())
                                .chain(() -> notifications.store(CustomerMessages.received(event, envelope.id()))))
                .onWithEnvelope(RefundIssued.class, (event, envelope) ->
                        orders.remember(event.returnId(), event.orderId())
                                .chain(() -> notifications.store(CustomerMessages.refundIssued(event, envelope.id()))))
                .onWithEnvelope(RefundFailed.class, (event, envelope) ->
                        orders.remember(event.returnId(), event.orderId())
                                .chain(() -> notifications.store(CustomerMessages.refundFailed(event, envelope.id()))));
    }

    @Incoming("journey")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return dispatcher.dispatch(record, handlers);
    }
}
