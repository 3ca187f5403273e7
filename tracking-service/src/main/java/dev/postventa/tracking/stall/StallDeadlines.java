package dev.postventa.tracking.stall;

import dev.postventa.events.shipments.ShipmentStatus;
import dev.postventa.tracking.TrackingConfig;
import dev.postventa.tracking.shipment.Shipment;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Sets a shipment's stall deadline ({@link Shipment#stallDueAt}) and the SLA it applies whenever its label is made or
 * a scan is received: the latest movement (OUR time: label creation or receipt of the scan, never the carrier's)
 * plus the SLA of its carrier, customer country and status ({@link StallSlas}). The rules are read at startup, where
 * a bad one stops the service with a message naming it.
 */
@ApplicationScoped
public class StallDeadlines {

    private static final Logger LOG = Logger.getLogger(StallDeadlines.class);

    private final StallSlas slas;

    StallDeadlines(TrackingConfig tracking, StallSlaConfig config) {
        this.slas = StallSlas.of(tracking.stall().labelUnused(), tracking.stall().inTransit(),
                config.rules().orElse(List.of()));
    }

    /** Builds the rules at startup (not at the first scan), so a bad rule fails the start. */
    void onStart(@Observes StartupEvent start) {
        LOG.debug("stall SLAs read");
    }

    /** Sets the shipment's deadline from its latest movement, or clears it when the shipment cannot stall. */
    public void apply(Shipment shipment, Instant lastMovement) {
        if (shipment.labelState != Shipment.LabelState.CREATED || shipment.isCancelled()
                || shipment.status == null || shipment.status == ShipmentStatus.DELIVERED_TO_WAREHOUSE) {
            shipment.stallDueAt = null;
            shipment.stallSla = null;
            return;
        }
        Duration sla = slas.of(shipment.carrier, shipment.contact == null ? null : shipment.contact.country,
                shipment.status);
        shipment.stallDueAt = lastMovement.plus(sla);
        shipment.stallSla = sla.toString();
    }
}
