package dev.postventa.tracking.kpi;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * {@code postventa_shipments_stalled{carrier, status}}: the shipments stalled now, of any date, computed from the
 * database every {@code postventa.tracking.stall.refresh} (a query, not counters kept in memory, so every replica
 * shows the same figure and a restart loses nothing). A carrier and status seen once stays as a series and drops to
 * 0 when none is stalled any more, so an alert resolves instead of losing its series.
 */
@ApplicationScoped
public class StalledShipmentsGauge {

    private static final Logger LOG = Logger.getLogger(StalledShipmentsGauge.class);

    private final StalledShipments stalled;
    private final MeterRegistry metrics;
    private final Map<List<String>, AtomicLong> values = new ConcurrentHashMap<>();
    private volatile boolean failing;

    StalledShipmentsGauge(StalledShipments stalled, MeterRegistry metrics) {
        this.stalled = stalled;
        this.metrics = metrics;
    }

    @Scheduled(identity = "stalled-shipments", every = "${postventa.tracking.stall.refresh}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return Uni.createFrom().deferred(stalled::countsByCarrierAndStatus)
                .invoke(this::show)
                .invoke(counts -> {
                    if (failing) {
                        failing = false;
                        LOG.info("stalled shipments are computed again");
                    }
                })
                .onFailure().invoke(failure -> {
                    // The gauge keeps its last values; said once per outage, not every refresh.
                    if (!failing) {
                        failing = true;
                        LOG.warnf("could not compute stalled shipments (%s); retried every refresh", failure);
                    }
                })
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private void show(List<StalledShipments.StalledCount> counts) {
        Set<List<String>> seen = new HashSet<>();
        for (StalledShipments.StalledCount count : counts) {
            List<String> key = List.of(count.carrier(), count.status());
            seen.add(key);
            gauge(key).set(count.stalled());
        }
        values.forEach((key, value) -> {
            if (!seen.contains(key)) {
                value.set(0);
            }
        });
    }

    private AtomicLong gauge(List<String> key) {
        return values.computeIfAbsent(key, k -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("postventa.shipments.stalled", value, AtomicLong::get)
                    .tags("carrier", k.get(0), "status", k.get(1))
                    .description("Shipments whose latest scan (our receipt time), or label while unscanned, is older "
                            + "than the SLA of their status (postventa.tracking.stall.*), not delivered")
                    .strongReference(true)
                    .register(metrics);
            return value;
        });
    }
}
