package dev.postventa.tracking.carriers;

import io.smallrye.mutiny.Uni;
import java.util.UUID;

/** What tracking-service needs from a carrier: a prepaid return label for a return. */
public interface CarrierPort {

    /** Name used in webhook URLs and events, e.g. {@code simulated}. */
    String name();

    /** Books a return pickup/label; must be idempotent per {@code shipmentId}. */
    Uni<ReturnLabel> createReturnLabel(UUID shipmentId, String rmaNumber, String country);

    /** A created label: the carrier's tracking number and where the customer gets the label. */
    record ReturnLabel(String trackingNumber, String labelUrl) {
    }
}
