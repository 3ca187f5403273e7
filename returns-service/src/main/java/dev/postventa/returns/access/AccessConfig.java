package dev.postventa.returns.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How customer tokens are issued and how the order-number + email exchange is protected from guessing. */
@ConfigMapping(prefix = "postventa.access")
public interface AccessConfig {

    /** How long a customer token opens its order. */
    @WithDefault("30m")
    Duration customerTokenLifetime();

    /** Wrong emails for one order number within {@link #failureWindow()} before it is locked. */
    @WithDefault("5")
    int maxFailures();

    /** The window in which failures of one order number are counted. */
    @WithDefault("15m")
    Duration failureWindow();

    /** How long an order number stays locked after too many wrong emails. */
    @WithDefault("15m")
    Duration lockout();

    /** Exchanges one client address may attempt per minute (in this process), whatever the order numbers. */
    @WithDefault("30")
    int attemptsPerAddressPerMinute();
}
