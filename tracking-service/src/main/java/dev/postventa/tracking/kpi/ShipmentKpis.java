package dev.postventa.tracking.kpi;

import dev.postventa.support.web.DateRange;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Operators' shipment KPIs for the shipments created in a range of UTC days ({@code from} included, {@code to}
 * excluded): how many were created, delivered to the warehouse and are stalled now, in total and per carrier, and the
 * stalled ones themselves (at most {@link StalledShipments#MAX_LISTED}, the longest without movement first).
 */
public record ShipmentKpis(LocalDate from, LocalDate to, long created, long delivered, long stalled,
                           List<Carrier> byCarrier, List<Stalled> stalledShipments) {

    static ShipmentKpis of(DateRange range, List<Carrier> byCarrier, List<Stalled> stalledShipments) {
        return new ShipmentKpis(range.from(), range.to(),
                byCarrier.stream().mapToLong(Carrier::created).sum(),
                byCarrier.stream().mapToLong(Carrier::delivered).sum(),
                byCarrier.stream().mapToLong(Carrier::stalled).sum(),
                byCarrier, stalledShipments);
    }

    /** One carrier's figures; {@code key} is the carrier's name. */
    public record Carrier(String key, long created, long delivered, long stalled) {
    }

    /**
     * A stalled shipment. {@code lastMovementAt} is when we received its latest scan (or created its label), by our
     * clock; {@code stalledForSeconds} is the time since then.
     */
    public record Stalled(UUID shipmentId, UUID returnId, String carrier, String trackingNumber, String status,
                          Instant lastMovementAt, long stalledForSeconds) {
    }
}
