package dev.postventa.returns.kpi;

import dev.postventa.returns.orders.OrderSnapshot;
import dev.postventa.returns.request.ReturnRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The return KPIs as Prometheus metrics: units and returns per transition, units sold, and the times to label,
 * receipt and refund as histograms. No SKU label (one series per SKU would be unbounded): SKUs are in the API only.
 * Meters are only touched through {@link KpiFacts#count()}, i.e. after the transaction that made the fact committed.
 */
@ApplicationScoped
public class KpiMetrics {

    public static final String REQUESTED = "requested";
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";
    public static final String RECEIVED = "received";

    /** Buckets a dashboard can read without interpolating far: a minute to a month. */
    private static final Duration[] SLOS = {Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofHours(1),
            Duration.ofHours(6), Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(3), Duration.ofDays(7),
            Duration.ofDays(14), Duration.ofDays(30)};

    private final MeterRegistry registry;
    private final Timer timeToLabel;
    private final Timer timeToReceipt;
    private final Timer timeToRefund;

    KpiMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.timeToLabel = timer("postventa.return.time.to.label", "from the return's request to its label");
        this.timeToReceipt = timer("postventa.return.time.to.receipt",
                "from the return's request to its receipt at the warehouse");
        this.timeToRefund = timer("postventa.return.time.to.refund", "from the return's request to its refund");
    }

    /** A fresh buffer for the facts of one transaction. */
    public KpiFacts facts() {
        return new KpiFacts(this);
    }

    void transition(String transition, ReturnRequest request, OrderSnapshot order) {
        String country = ReturnUnits.orElseUnknown(request.contact.country);
        registry.counter("postventa.returns", "transition", transition, "country", country).increment();
        for (ReturnUnits units : ReturnUnits.of(request.lines, order == null ? List.of() : order.lines)) {
            Counter.builder("postventa.return.units").description("units of return lines by transition")
                    .tags("transition", transition, "reason", units.reason(), "category", units.category(),
                            "country", country)
                    .register(registry).increment(units.units());
        }
    }

    void sold(OrderSnapshot order) {
        String country = ReturnUnits.orElseUnknown(order.contact.country);
        for (Map.Entry<String, Integer> sold : ReturnUnits.soldByCategory(order.lines).entrySet()) {
            Counter.builder("postventa.sold.units").description("units of orders first seen by the order read model")
                    .tags("category", sold.getKey(), "country", country)
                    .register(registry).increment(sold.getValue());
        }
    }

    void timeToLabel(Instant requested, Instant at) {
        record(timeToLabel, requested, at);
    }

    void timeToReceipt(Instant requested, Instant at) {
        record(timeToReceipt, requested, at);
    }

    void timeToRefund(Instant requested, Instant at) {
        record(timeToRefund, requested, at);
    }

    private static void record(Timer timer, Instant requested, Instant at) {
        // Two platform clocks may disagree by a little; a negative span would be dropped by Micrometer, so 0.
        Duration span = Duration.between(requested, at);
        timer.record(span.isNegative() ? Duration.ZERO : span);
    }

    private Timer timer(String name, String description) {
        return Timer.builder(name).description(description).publishPercentileHistogram()
                .serviceLevelObjectives(SLOS).minimumExpectedValue(Duration.ofSeconds(1))
                .maximumExpectedValue(Duration.ofDays(60)).register(registry);
    }
}
