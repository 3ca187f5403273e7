package dev.postventa.tracking.carriers;

import io.smallrye.mutiny.Uni;

/** What tracking-service needs from a carrier: a prepaid return label for a return, and voiding it. */
public interface CarrierPort {

    /** Name used in webhook URLs and events, e.g. {@code simulated}. */
    String name();

    /**
     * Books a return pickup/label. The carrier treats {@code idempotencyKey} as such: asked again with the same key
     * (a retry after a lost answer), it answers with the label it already issued and issues (and charges) no other.
     * Fails with {@link LabelRefusedException} when no retry can help.
     */
    Uni<ReturnLabel> createReturnLabel(String idempotencyKey, String rmaNumber, String country);

    /**
     * Voids a label this carrier issued, so it can no longer be used (and is not charged, where the carrier refunds
     * unused labels). Idempotent: voiding a void label succeeds again. {@code idempotencyKey} is the key the label was
     * created with. Fails with {@link LabelRefusedException} when no retry can help (a label it never issued, or
     * one already in its network).
     */
    Uni<Void> voidLabel(String idempotencyKey, String trackingNumber);

    /** A created label: the carrier's tracking number and where the customer gets the label. */
    record ReturnLabel(String trackingNumber, String labelUrl) {
    }
}
