package dev.postventa.support.failure;

import java.util.function.Predicate;

/**
 * Looks through a failure and its causes: every decision about a failure (retry, refuse for good, an outage, a SQL
 * state) asks it the same way. Bounded, because a cause chain that loops back on itself must not hang the caller.
 */
public final class Causes {

    static final int MAX_DEPTH = 32;

    private Causes() {
    }

    /** True when {@code failure} or one of its causes (at most {@value #MAX_DEPTH} deep) satisfies {@code test}. */
    public static boolean any(Throwable failure, Predicate<Throwable> test) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth++ < MAX_DEPTH; t = t.getCause() == t ? null : t.getCause()) {
            if (test.test(t)) {
                return true;
            }
        }
        return false;
    }
}
