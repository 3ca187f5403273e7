package dev.postventa.tracking.carriers;

import io.smallrye.mutiny.Uni;

/** What tracking-service needs from a carrier: a prepaid return label for a return. */
public interface CarrierPort {

    /** Name used in webhook URLs and events, e.g. {@code simulated}. */
    String name();

    /**
     * Books a return pickup/label. The carrier treats {@code idempotencyKey} as such: asked again with the same key
     * (a retry after a lost answer), it answers with the label it already issued and issues (and charges) no other.
     * Fails with {@link LabelRefusedException} when no retry can help.
     */
    Uni<ReturnLabel> createReturnLabel(String idempotencyKey, String rmaNumber, String country);

    /** A created label: the carrier's tracking number and where the customer gets the label. */
    record ReturnLabel(String trackingNumber, String labelUrl) {
    }
}
