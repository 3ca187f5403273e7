package dev.postventa.support.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The service's own clock (UTC). Injected wherever our time is taken, so that rules are tested with a fixed clock; a
 * test or a service replaces it by producing another {@link Clock}. It never orders a partner's timestamps.
 */
@Singleton
public class ClockProducer {

    @Produces
    @DefaultBean
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
