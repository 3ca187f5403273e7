package dev.postventa.returns.access;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * Wrong emails given for one order number. Every time compared here is this service's clock: the exchange's arrival
 * ({@code now}), the window start and the lock's end are all set by us.
 */
@Entity
@Table(name = "customer_token_guard")
public class CustomerTokenGuard extends PanacheEntityBase {

    @Id
    @Column(name = "order_id")
    public String orderId;
    public int failures;
    @Column(name = "window_started_at")
    public Instant windowStartedAt;
    @Column(name = "locked_until")
    public Instant lockedUntil;

    static CustomerTokenGuard fresh(String orderId, Instant now) {
        CustomerTokenGuard guard = new CustomerTokenGuard();
        guard.orderId = orderId;
        guard.failures = 0;
        guard.windowStartedAt = now;
        return guard;
    }

    /** How long the order number stays locked, or null when an exchange may be tried. */
    Duration lockedFor(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now) ? Duration.between(now, lockedUntil) : null;
    }

    /** A wrong email: counted in the current window (a new one once the last has ended); too many lock the number. */
    void failed(Instant now, AccessConfig config) {
        if (!windowStartedAt.plus(config.failureWindow()).isAfter(now)) {
            windowStartedAt = now;
            failures = 0;
        }
        failures++;
        if (failures >= config.maxFailures()) {
            lockedUntil = now.plus(config.lockout());
        }
    }

    /** The right email: earlier mistakes are forgiven. */
    void succeeded(Instant now) {
        failures = 0;
        windowStartedAt = now;
        lockedUntil = null;
    }
}
