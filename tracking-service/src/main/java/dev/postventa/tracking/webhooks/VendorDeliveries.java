package dev.postventa.tracking.webhooks;

import dev.postventa.support.problem.FieldViolations;
import dev.postventa.support.problem.Problem.FieldViolation;
import dev.postventa.support.problem.ProblemException;
import dev.postventa.tracking.shipment.CarrierStatuses;
import dev.postventa.tracking.shipment.Shipment;
import dev.postventa.tracking.shipment.ShipmentService;
import dev.postventa.tracking.shipment.ShipmentService.ScanOutcome;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Records a verified delivery of a tracking vendor's webhook (Shippo, AfterShip) in one transaction: its raw body
 * kept for audit under the vendor's delivery id (a replay of that id answers 200 and changes nothing), then its
 * scans, each once, through {@link ShipmentService#recordFromAggregator}. Anything refused (unknown shipment, a scan
 * that breaks the field limits) rolls the whole delivery back: nothing is stored.
 */
@ApplicationScoped
public class VendorDeliveries {

    /** Counts scans recorded with a vendor word outside the vocabulary (kept in the timeline, never an error). */
    public static final String UNKNOWN_STATUS = "postventa.carrier.unknown.status";
    private static final Logger LOG = Logger.getLogger(VendorDeliveries.class);
    private static final String CLAIM = """
            INSERT INTO webhook_delivery (source, delivery_id, received_at, body)
            VALUES (:source, :deliveryId, :receivedAt, :body)
            ON CONFLICT (source, delivery_id) DO NOTHING""";

    private final ShipmentService shipments;
    private final Validator validator;
    private final MeterRegistry metrics;
    private final Clock clock;

    VendorDeliveries(ShipmentService shipments, Validator validator, MeterRegistry metrics, Clock clock) {
        this.shipments = shipments;
        this.validator = validator;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * 202 when the delivery added at least one scan, 200 when it was delivered before or every scan in it was known;
     * 404 problem when no shipment has {@code trackingNumber}. {@code scansFor} turns the delivery into canonical scans
     * given the shipment's origin country (for vendor times without a zone).
     */
    public Uni<Response> record(String source, String deliveryId, byte[] body, String trackingNumber,
                                Function<String, List<CarrierScan>> scansFor) {
        return Panache.withTransaction(() -> claim(source, deliveryId, body).chain(claimed -> {
            if (!claimed) {
                LOG.infof("%s delivery %s was received before: acknowledged, nothing changes", source, deliveryId);
                return Uni.createFrom().item(answer(200, deliveryId, 0, 0));
            }
            return Shipment.<Shipment>find("trackingNumber", trackingNumber).firstResult().chain(shipment -> {
                if (shipment == null) {
                    return Uni.createFrom().failure(ProblemException.notFound("Shipment", trackingNumber));
                }
                List<CarrierScan> scans = scansFor.apply(shipment.contact == null ? null : shipment.contact.country);
                validate(scans);
                Uni<int[]> counts = Uni.createFrom().item(new int[2]);
                for (CarrierScan scan : scans) {
                    counts = counts.chain(c -> shipments.recordFromAggregator(source, scan).map(outcome -> {
                        if (outcome == ScanOutcome.RECORDED) {
                            c[0]++;
                            countIfUnknown(source, scan);
                        } else {
                            c[1]++;
                        }
                        return c;
                    }));
                }
                return counts.map(c -> answer(c[0] > 0 ? 202 : 200, deliveryId, c[0], c[1]));
            });
        }));
    }

    private void countIfUnknown(String source, CarrierScan scan) {
        if (CarrierStatuses.normalise(scan.carrierStatus()).isEmpty()) {
            metrics.counter(UNKNOWN_STATUS, "carrier", source).increment();
        }
    }

    /** The scans a vendor delivery becomes obey the same field limits as posted ones (400 naming each). */
    private void validate(List<CarrierScan> scans) {
        List<FieldViolation> violations = new ArrayList<>();
        for (int i = 0; i < scans.size(); i++) {
            String prefix = "scans[" + i + "].";
            violations.addAll(FieldViolations.of(validator.validate(scans.get(i)), v -> prefix + v.getPropertyPath()));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid("Vendor webhook is not valid", violations);
        }
    }

    /** Stores the delivery unless the vendor delivered that id before (then false). */
    private Uni<Boolean> claim(String source, String deliveryId, byte[] body) {
        return Panache.getSession().chain(session -> session.createNativeQuery(CLAIM)
                .setParameter("source", source)
                .setParameter("deliveryId", deliveryId)
                .setParameter("receivedAt", clock.instant())
                .setParameter("body", body)
                .executeUpdate()
                .map(inserted -> inserted == 1));
    }

    private static Response answer(int status, String deliveryId, int recorded, int duplicates) {
        Map<String, Object> entity = new LinkedHashMap<>();
        entity.put("outcome", status == 202 ? "recorded" : "duplicate");
        entity.put("deliveryId", deliveryId);
        entity.put("recorded", recorded);
        entity.put("duplicates", duplicates);
        return Response.status(status).entity(entity).build();
    }
}
