package dev.postventa.bench;

import java.util.Map;

/**
 * The one place where the benchmark's HTTP requests get their credentials: an operator's bearer token, which every
 * API the benchmark calls accepts. A stack the benchmark starts itself mints one with its dev key; against a running
 * stack, give the operator token it printed as {@code POSTVENTA_TOKEN}.
 */
public final class BenchmarkAuth {

    private static volatile String token = System.getenv("POSTVENTA_TOKEN");

    private BenchmarkAuth() {
    }

    /** Sends {@code bearerToken} from now on. */
    public static void use(String bearerToken) {
        token = bearerToken;
    }

    /** Headers to add to every request the benchmark sends (name → value); none when no token is known. */
    public static Map<String, String> authorization() {
        String current = token;
        return current == null || current.isBlank() ? Map.of() : Map.of("Authorization", "Bearer " + current);
    }
}
