package dev.postventa.tracking.webhooks.shippo;

import java.util.Locale;
import java.util.Set;

/**
 * The carrier word a Shippo tracking status is recorded with: Shippo's {@code status} ({@code PRE_TRANSIT},
 * {@code TRANSIT}, {@code DELIVERED}, {@code RETURNED}, {@code FAILURE}, {@code UNKNOWN}), or, for a {@code TRANSIT}
 * or {@code FAILURE} status, its substatus code when that says more (out for delivery, an attempt failed, damaged,
 * lost, sent back). The word is kept raw in the timeline and normalised by {@code CarrierStatuses}; a status word
 * Shippo adds later is kept and counted, never an error.
 */
public final class ShippoStatuses {

    /** Substatus codes that refine a moving or failed parcel; others (e.g. {@code package_departed}) add nothing. */
    static final Set<String> REFINING = Set.of("out_for_delivery", "pickup_available", "delivery_attempted",
            "return_to_sender", "package_damaged", "package_lost");

    private ShippoStatuses() {
    }

    /** The word to record for Shippo's {@code status} and {@code substatus.code} (the latter may be null). */
    public static String wordOf(String status, String substatusCode) {
        String refinable = status == null ? "" : status.trim().toUpperCase(Locale.ROOT);
        // A DELIVERED status is never overridden by its substatus (Shippo's own example pairs it with
        // information_received): only a parcel still moving, or failed, is refined.
        if ((refinable.equals("TRANSIT") || refinable.equals("FAILURE")) && substatusCode != null
                && REFINING.contains(substatusCode.trim().toLowerCase(Locale.ROOT))) {
            return substatusCode.trim().toLowerCase(Locale.ROOT);
        }
        return status;
    }
}
