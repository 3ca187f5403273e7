package dev.postventa.returns.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most N exchanges per client address per minute (our clock, fixed minute windows), so one client cannot try
 * order numbers by the thousand: the per-order lockout alone would let it try each number five times. Counted in this
 * process only: with several replicas the limit is per replica, which still bounds a client to a small multiple.
 */
@ApplicationScoped
public class AddressRateLimiter {

    private final Clock clock;
    private final int perMinute;
    private final ConcurrentHashMap<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private volatile long minute = -1;

    @Inject
    AddressRateLimiter(Clock clock, AccessConfig config) {
        this(clock, config.attemptsPerAddressPerMinute());
    }

    AddressRateLimiter(Clock clock, int perMinute) {
        this.clock = clock;
        this.perMinute = perMinute;
    }

    /** Counts an attempt from {@code address}; false when it is over the limit for the current minute. */
    public boolean tryAcquire(String address) {
        long now = clock.millis() / 60_000;
        if (now != minute) {
            synchronized (this) {
                if (now != minute) {
                    counts.clear();
                    minute = now;
                }
            }
        }
        return counts.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet() <= perMinute;
    }

    /** Seconds until the current minute ends (for Retry-After). */
    public long secondsToNextMinute() {
        return 60 - (clock.millis() / 1000) % 60;
    }
}
