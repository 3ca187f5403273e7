package dev.postventa.support.effect;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link Effects} for unit tests of its callers: counts the wake-ups instead of waking a worker. */
public final class RecordingEffects extends Effects {

    private final AtomicInteger wakeUps = new AtomicInteger();

    public RecordingEffects() {
        super(Clock.systemUTC(), null);
    }

    @Override
    public void afterCommit() {
        wakeUps.incrementAndGet();
    }

    /** How often a caller woke the effect worker. */
    public int wakeUps() {
        return wakeUps.get();
    }
}
