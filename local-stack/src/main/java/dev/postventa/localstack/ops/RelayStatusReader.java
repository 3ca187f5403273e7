package dev.postventa.localstack.ops;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Relay state, replication slot lag, dead-letter depth and readiness of each service, from its management interface
 * ({@code /q/metrics}, {@code /q/health/ready}). A service that does not answer within the timeout is "unreachable".
 */
public final class RelayStatusReader {

    /** What the page shows for one service; null numbers when the service did not say. */
    public record RelayStatus(String service, boolean reachable, String ready, String relayState, Double slotLagBytes,
                              Double deadLetterDepth) {
    }

    private final HttpClient http;
    private final Duration timeout;

    public RelayStatusReader(HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    /** Service name → management URL; every service is asked at the same time. */
    public List<RelayStatus> read(Map<String, String> managementUrls) {
        Map<String, CompletableFuture<RelayStatus>> pending = new LinkedHashMap<>();
        managementUrls.forEach((service, url) -> pending.put(service, read(service, url)));
        return pending.values().stream().map(CompletableFuture::join).toList();
    }

    private CompletableFuture<RelayStatus> read(String service, String managementUrl) {
        CompletableFuture<HttpResponse<String>> metrics = get(managementUrl + "/q/metrics");
        CompletableFuture<HttpResponse<String>> ready = get(managementUrl + "/q/health/ready");
        return metrics.thenCombine(ready, (m, r) -> {
            if (m == null && r == null) {
                return new RelayStatus(service, false, "unreachable", "unreachable", null, null);
            }
            // Health answers 503 with a body when a check is down: that is "DOWN", not "unreachable".
            String readiness = r == null ? "unreachable" : r.statusCode() == 200 ? "UP" : "DOWN";
            if (m == null || m.statusCode() != 200) {
                return new RelayStatus(service, true, readiness, "unknown", null, null);
            }
            PrometheusText text = PrometheusText.parse(m.body());
            return new RelayStatus(service, true, readiness,
                    text.labelOfTheOne("postventa_relay_state", "state").orElse("unknown"),
                    text.sum("postventa_relay_slot_lag_bytes").orElse(null),
                    text.sum("postventa_dead_letter_depth").orElse(null));
        });
    }

    /** The response, or null when the service did not answer in time (stopped, starting, hung). */
    private CompletableFuture<HttpResponse<String>> get(String url) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).build(),
                        HttpResponse.BodyHandlers.ofString())
                .exceptionally(unreachable -> null);
    }
}
