package dev.postventa.tracking.webhooks;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * The canonical scan webhook body every carrier adapter posts:
 * {@code {"eventId": "...", "trackingNumber": "...", "carrierStatus": "in_transit", "scannedAt": "2026-11-20T10:15:00Z", "location": "CDMX"}}.
 */
public record CarrierScan(
        @NotBlank(message = "is required: the carrier's id of this scan event") @Size(max = 200) String eventId,
        @NotBlank(message = "is required") @Size(max = 100) String trackingNumber,
        @NotBlank(message = "is required: the carrier's status word, e.g. in_transit") @Size(max = 100) String carrierStatus,
        @NotNull(message = "is required: when the carrier scanned the parcel (ISO-8601 UTC)") Instant scannedAt,
        @Size(max = 200) String location) {
}
