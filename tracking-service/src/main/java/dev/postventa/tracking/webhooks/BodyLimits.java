package dev.postventa.tracking.webhooks;

import dev.postventa.support.problem.ProblemException;
import java.util.List;

/**
 * Each webhook endpoint's documented maximum body size, answered with a 413 problem beyond it. (The HTTP layer's
 * own {@code quarkus.http.limits.max-body-size} stops anything larger still, before it is read, with a bare 413.)
 */
public final class BodyLimits {

    private BodyLimits() {
    }

    /** Throws a 413 problem when {@code body} is longer than {@code maxBytes}. */
    public static void check(byte[] body, int maxBytes, String what) {
        if (body != null && body.length > maxBytes) {
            throw new ProblemException(413, "body-too-large", "Request body too large",
                    what + " is at most " + maxBytes + " bytes; this one has " + body.length, List.of());
        }
    }
}
