package dev.postventa.notifications.messaging;

import dev.postventa.events.credit.StoreCreditIssued;
import dev.postventa.events.refunds.RefundFailed;
import dev.postventa.events.refunds.RefundIssued;
import dev.postventa.events.returns.ExchangeConfirmed;
import dev.postventa.events.returns.ExchangeFallbackApplied;
import dev.postventa.events.returns.FeedbackRequested;
import dev.postventa.events.returns.ReturnApproved;
import dev.postventa.events.returns.ReturnCancelled;
import dev.postventa.events.returns.ReturnInTransit;
import dev.postventa.events.returns.ReturnInspected;
import dev.postventa.events.returns.ReturnReceived;
import dev.postventa.events.returns.ReturnRejected;
import dev.postventa.events.shipments.ReturnLabelReminderDue;
import dev.postventa.events.shipments.ReturnShipmentCreated;
import dev.postventa.events.shipments.ReturnShipmentException;
import dev.postventa.events.shipments.ReturnShipmentStalled;
import dev.postventa.notifications.merchant.MerchantWebhooks;
import dev.postventa.notifications.messages.CustomerMessages;
import dev.postventa.notifications.messages.FeedbackMessages;
import dev.postventa.notifications.messages.ShipmentNoticeMessages;
import dev.postventa.notifications.notification.NotificationService;
import dev.postventa.notifications.notification.ReturnOrders;
import dev.postventa.support.inbox.EventDispatcher;
import dev.postventa.support.inbox.EventHandlers;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Turns the customer-facing events of the journey (label created, in transit, received, refund issued or failed;
 * rejected, cancelled, kept, exchange reserved or fallen back, partially accepted, store credit issued; the
 * proactive shipment notices and the satisfaction survey) into emails:
 * each is stored once per event, with the inbox claim, and delivered by the effect worker after the commit. The
 * CloudEvents id of the event is the notification's causation id. Other event types are skipped by the dispatcher.
 */
@ApplicationScoped
public class JourneyEventsConsumer {

    private final EventDispatcher dispatcher;
    private final EventHandlers handlers;

    JourneyEventsConsumer(EventDispatcher dispatcher, NotificationService notifications, ReturnOrders orders,
                          MerchantWebhooks merchantWebhooks) {
        this.dispatcher = dispatcher;
        // Events that carry the order also tell whose the return is (who may read its notifications).
        // Every event of the consumed topics also goes to the merchant webhooks subscribed to it (same transaction).
        this.handlers = merchantWebhooks.handlers()
                // A shipped return's approval is told with its label (ReturnShipmentCreated); a kept one has none.
                .onWithEnvelope(ReturnApproved.class, (event, envelope) ->
                        orders.remember(event.returnId(), event.orderId()).chain(() -> event.keptByCustomer()
                                ? notifications.store(CustomerMessages.kept(event, envelope.id()))
                                : Uni.createFrom().voidItem()))
                .onWithEnvelope(ReturnRejected.class, (event, envelope) ->
                        orders.remember(event.returnId(), event.orderId())
                                .chain(() -> notifications.store(CustomerMessages.rejected(event, envelope.id()))))
                .onWithEnvelope(ReturnCancelled.class, (event, envelope) ->
                        orders.remember(event.returnId(), event.orderId())
                                .chain(() -> notifications.store(CustomerMessages.cancelled(event, envelope.id()))))
                .onWithEnvelope(ExchangeConfirmed.class, (event, envelope) ->
                        orders.remember(event.returnId(), event.orderId()).chain(() ->
                                notifications.store(CustomerMessages.exchangeConfirmed(event, envelope.id()))))
                .onWithEnvelope(ExchangeFallbackApplied.class, (event, envelope) ->
                        orders.remember(event.returnId(), event.orderId()).chain(() ->
                                notifications.store(CustomerMessages.exchangeFallback(event, envelope.id()))))
                // A full acceptance says nothing: the refund or credit message that follows tells the customer.
                .onWithEnvelope(ReturnInspected.class, (event, envelope) ->
                        orders.remember(event.returnId(), event.orderId()).chain(() -> event.partial()
                                ? notifications.store(CustomerMessages.partiallyAccepted(event, envelope.id()))
                                : Uni.createFrom().voidItem()))
                .onWithEnvelope(StoreCreditIssued.class, (event, envelope) ->
                        orders.remember(event.returnId(), event.orderId()).chain(() ->
                                notifications.store(CustomerMessages.storeCreditIssued(event, envelope.id()))))
                .onWithEnvelope(ReturnShipmentCreated.class, (event, envelope) ->
                        notifications.store(CustomerMessages.labelReady(event, envelope.id())))
                // Proactive shipment notices (issue 11 §2): tracking-service emits each once.
                .onWithEnvelope(ReturnLabelReminderDue.class, (event, envelope) ->
                        notifications.store(ShipmentNoticeMessages.labelReminder(event, envelope.id())))
                .onWithEnvelope(ReturnShipmentStalled.class, (event, envelope) ->
                        notifications.store(ShipmentNoticeMessages.stalled(event, envelope.id())))
                .onWithEnvelope(ReturnShipmentException.class, (event, envelope) ->
                        notifications.store(ShipmentNoticeMessages.exception(event, envelope.id())))
                // The satisfaction survey (issue 11 §4): returns-service asks once per return.
                .onWithEnvelope(FeedbackRequested.class, (event, envelope) ->
                        orders.remember(event.returnId(), event.orderId()).chain(() ->
                                notifications.store(FeedbackMessages.feedbackRequested(event, envelope.id()))))
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
                                .chain(() -> notifications.store(CustomerMessages.refundFailed(event, envelope.id()))))
                .build();
    }

    @Incoming("journey")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return dispatcher.dispatch(record, handlers);
    }
}
