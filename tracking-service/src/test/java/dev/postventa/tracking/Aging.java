package dev.postventa.tracking;

import dev.postventa.infra.ServiceDatabase;
import java.time.Instant;

/**
 * Makes a shipment's movement old in the database, as if time had passed: our receipt time of its scans, or its label
 * time while unscanned, set back, and its stall deadline (computed from that movement when it happened) set back by
 * the same amount, so the service judges the row as it would have after the wait.
 */
public final class Aging {

    private Aging() {
    }

    /** Our receipt time of every scan of the shipment, set back to {@code receivedAt}. */
    public static void scansReceivedAt(String tracking, Instant receivedAt) {
        ServiceDatabase.execute(("update shipment s set stall_due_at = s.stall_due_at + (timestamptz '%s' - "
                + "(select max(received_at) from scan where shipment_id = s.id)) where tracking_number = '%s'")
                .formatted(receivedAt, tracking));
        ServiceDatabase.execute(("update scan set received_at = '%s' where shipment_id = "
                + "(select id from shipment where tracking_number = '%s')").formatted(receivedAt, tracking));
    }

    /** The unscanned shipment's label made at {@code at} (status_at); created_at is left as it is. */
    public static void labelMadeAt(String tracking, Instant at) {
        ServiceDatabase.execute(("update shipment set stall_due_at = stall_due_at + (timestamptz '%s' - status_at), "
                + "status_at = '%s' where tracking_number = '%s'").formatted(at, at, tracking));
    }
}
