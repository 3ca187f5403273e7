package dev.postventa.tracking.notices;

import dev.postventa.events.shipments.ReturnShipmentException;
import dev.postventa.events.shipments.ShipmentStatus;
import java.util.Locale;
import java.util.Optional;

/**
 * What kind of carrier exception a scan reports ({@link ReturnShipmentException#kind()}), from the carrier's own word:
 * the normalised vocabulary has one {@code EXCEPTION} status, but the customer is told different next steps for a
 * failed pickup, a parcel going back to the sender, damage and loss. Words are matched by the parts they contain,
 * case- and separator-insensitively, so the vocabularies of several carriers and aggregators ({@code failed_attempt},
 * {@code AttemptFail}, {@code return_to_sender}, {@code RETURNED}, {@code package_damaged}, {@code lost}) fall in the
 * same kind without a list per vendor. Loss and damage are checked first: they decide what happens to the refund.
 */
public final class ExceptionKinds {

    private ExceptionKinds() {
    }

    /**
     * The kind of an exception scan; empty when the scan is not one ({@code normalised} is not
     * {@link ShipmentStatus#EXCEPTION}, or unknown).
     */
    public static Optional<String> of(String carrierStatus, ShipmentStatus normalised) {
        if (normalised != ShipmentStatus.EXCEPTION) {
            return Optional.empty();
        }
        String word = carrierStatus == null ? ""
                : carrierStatus.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
        if (word.contains("lost") || word.contains("missing")) {
            return Optional.of(ReturnShipmentException.LOST);
        }
        if (word.contains("damage")) {
            return Optional.of(ReturnShipmentException.DAMAGED);
        }
        if (word.contains("return") || word.equals("rts")) {
            return Optional.of(ReturnShipmentException.RETURNED_TO_SENDER);
        }
        if (word.contains("attempt") || word.contains("pickup") && word.contains("fail")
                || word.contains("failedpick") || word.contains("notpickedup")) {
            return Optional.of(ReturnShipmentException.FAILED_PICKUP);
        }
        return Optional.of(ReturnShipmentException.OTHER);
    }
}
