package dev.postventa.returns.messaging;

import dev.postventa.events.shipments.ReturnShipmentCreated;
import dev.postventa.events.shipments.ShipmentStatusChanged;
import dev.postventa.returns.kpi.KpiFacts;
import dev.postventa.returns.kpi.KpiMetrics;
import dev.postventa.returns.request.ShipmentProgress;
import dev.postventa.support.inbox.EventDispatcher;
import dev.postventa.support.inbox.EventHandlers;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Hands tracking-service's shipment events to the return they belong to, once per event id. */
@ApplicationScoped
public class ShipmentEventsConsumer {

    private final ShipmentProgress progress;
    private final EventDispatcher dispatcher;
    private final KpiMetrics kpis;

    ShipmentEventsConsumer(ShipmentProgress progress, EventDispatcher dispatcher, KpiMetrics kpis) {
        this.progress = progress;
        this.dispatcher = dispatcher;
        this.kpis = kpis;
    }

    @Incoming("shipments")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        // One KPI buffer per record: each inbox attempt starts it afresh, and it is counted only after the commit.
        KpiFacts facts = kpis.facts();
        EventHandlers handlers = EventHandlers.create()
                .on(ReturnShipmentCreated.class, event -> {
                    facts.discard();
                    return progress.labelCreated(event, facts);
                })
                .on(ShipmentStatusChanged.class, event -> {
                    facts.discard();
                    return progress.statusChanged(event, facts);
                });
        return dispatcher.dispatch(record, handlers).invoke(facts::count).onFailure().invoke(facts::discard);
    }
}
