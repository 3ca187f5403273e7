package dev.postventa.tracking.carriers;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * A stand-in carrier that calls nobody: it derives a tracking number from the shipment id (so retries get the same
 * label) and a label URL on the reserved {@code .invalid} domain. Scans for it are posted to the webhook by hand or
 * by tests. Replace with a real carrier adapter in production.
 */
@ApplicationScoped
public class SimulatedCarrier implements CarrierPort {

    public static final String NAME = "simulated";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Uni<ReturnLabel> createReturnLabel(UUID shipmentId, String rmaNumber, String country) {
        String digits = String.format("%012d", Math.floorMod(shipmentId.getMostSignificantBits(), 1_000_000_000_000L));
        String trackingNumber = "SIM" + country + digits;
        return Uni.createFrom().item(new ReturnLabel(trackingNumber,
                "https://labels.simulated-carrier.invalid/" + trackingNumber + ".pdf"));
    }
}
