package dev.postventa.tracking.stall;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/**
 * Stall SLAs per carrier and country, on top of the global ones ({@code postventa.tracking.stall.label-unused} and
 * {@code in-transit}). Read and checked by {@link StallSlas}.
 */
@ConfigMapping(prefix = "postventa.stall-slas")
public interface StallSlaConfig {

    /**
     * Rules {@code carrier:country:STATUS=duration}, comma-separated ({@code STALL_SLAS}); {@code *} for any carrier
     * or any country; the status is a shipment status ({@code LABEL_CREATED}, {@code IN_TRANSIT}, ...); the duration
     * ISO-8601 ({@code PT96H}, {@code P10D}) or short ({@code 96h}, {@code 10d}). Most specific wins: carrier and
     * country, then carrier, then country, then the global SLA of the status.
     */
    Optional<List<String>> rules();
}
