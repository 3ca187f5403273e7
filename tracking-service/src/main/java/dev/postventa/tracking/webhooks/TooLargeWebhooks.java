package dev.postventa.tracking.webhooks;

import dev.postventa.tracking.TrackingConfig;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Counts webhook bodies refused as too large ({@code rejected}, reason {@code too_large}) wherever the 413 comes
 * from: service-support's {@code RequestBodyLimit} answers most of them before our endpoint runs (a declared length,
 * a chunked body read up to the limit), the endpoint the rest. Bodies over {@code quarkus.http.limits.max-body-size}
 * never reach RESTEasy and are only in {@code http_server_requests_seconds_count{status="413"}}.
 */
public class TooLargeWebhooks {

    private static final Pattern SCANS = Pattern.compile("/webhooks/carriers/([^/]+)/scans/?");

    private final WebhookMetrics metrics;
    private final TrackingConfig config;

    TooLargeWebhooks(WebhookMetrics metrics, TrackingConfig config) {
        this.metrics = metrics;
        this.config = config;
    }

    @ServerResponseFilter
    public void count(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 413) {
            return;
        }
        String carrier = carrierOf(request.getUriInfo().getPath());
        if (carrier != null) {
            metrics.count(carrier, "rejected", WebhookMetrics.TOO_LARGE);
        }
    }

    /** The carrier label of a webhook path ({@code unknown} for a name not configured), null for other paths. */
    private String carrierOf(String path) {
        if (path.equals("/webhooks/easypost") || path.equals("/webhooks/easypost/")) {
            return "easypost";
        }
        // Shippo and AfterShip deliveries (webhooks.shippo, webhooks.aftership) are counted under the vendor's name.
        for (String vendor : new String[] {"shippo", "aftership"}) {
            if (path.equals("/webhooks/" + vendor) || path.equals("/webhooks/" + vendor + "/")) {
                return vendor;
            }
        }
        Matcher scans = SCANS.matcher(path);
        if (!scans.matches()) {
            return null;
        }
        return config.carriers().containsKey(scans.group(1)) ? scans.group(1) : WebhookMetrics.UNKNOWN_CARRIER;
    }
}
