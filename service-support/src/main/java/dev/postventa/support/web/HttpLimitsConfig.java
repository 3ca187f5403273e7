package dev.postventa.support.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/**
 * How large a request body an endpoint takes ({@link RequestBodyLimit}). Every endpoint of our services takes JSON;
 * one that needs more (a carrier's webhook with a whole tracking history) gets its own maximum by path.
 */
@ConfigMapping(prefix = "postventa.http")
public interface HttpLimitsConfig {

    /** Largest request body (declared or streamed in chunks) of an endpoint not listed in {@link #maxJsonBodyFor()}. */
    @WithDefault("64K")
    MemorySize maxJsonBody();

    /**
     * Per-endpoint maxima, keyed by path prefix ({@code postventa.http.max-json-body-for."/webhooks/easypost"=1M});
     * the longest matching prefix wins. Above {@code quarkus.http.limits.max-body-size} the HTTP layer refuses a
     * declared length first, so an override never exceeds it.
     */
    Map<String, MemorySize> maxJsonBodyFor();

    /** The maximum for a request path (as JAX-RS sees it, e.g. {@code /returns}). */
    default long maxBytesFor(String path) {
        String longest = null;
        for (String prefix : maxJsonBodyFor().keySet()) {
            if (path.startsWith(prefix) && (longest == null || prefix.length() > longest.length())) {
                longest = prefix;
            }
        }
        return longest == null ? maxJsonBody().asLongValue() : maxJsonBodyFor().get(longest).asLongValue();
    }
}
