package dev.postventa.bench;

import java.util.Map;

/**
 * The one place where the benchmark's HTTP requests get their credentials. Today the services are open, so there is
 * no header; when they require bearer tokens this returns {@code Authorization: Bearer ...} for the role a call needs.
 */
public final class BenchmarkAuth {

    private BenchmarkAuth() {
    }

    /** Headers to add to every request the benchmark sends (name → value); empty while the services are open. */
    public static Map<String, String> authorization() {
        return Map.of();
    }
}
