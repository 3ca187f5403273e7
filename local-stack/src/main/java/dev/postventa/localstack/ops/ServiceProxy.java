package dev.postventa.localstack.ops;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Forwards one operations call of the page to a service's API with an operator token the stack mints, bounded by a
 * timeout. A service that does not answer becomes a 502 problem+json, never a hung console.
 */
public final class ServiceProxy {

    /** What the service answered (or the 502 that stands for its silence). */
    public record Answer(int status, String contentType, byte[] body) {
    }

    private final HttpClient http;
    private final Duration timeout;
    private final Supplier<String> opsToken;

    public ServiceProxy(HttpClient http, Duration timeout, Supplier<String> opsToken) {
        this.http = http;
        this.timeout = timeout;
        this.opsToken = opsToken;
    }

    /** {@code body} null for a GET; otherwise a POST of that JSON. */
    public Answer call(String service, String baseUrl, String pathAndQuery, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).timeout(timeout)
                .header("Authorization", "Bearer " + opsToken.get())
                .header("Accept", "application/json");
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse("application/json"), response.body());
        } catch (IOException e) {
            return unreachable(service, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unreachable(service, e);
        }
    }

    private static Answer unreachable(String service, Exception e) {
        String detail = (service + " did not answer: " + e.getClass().getSimpleName()).replace("\"", "'");
        return new Answer(502, "application/problem+json", ("{\"title\":\"Service unreachable\",\"status\":502,"
                + "\"detail\":\"" + detail + "\",\"service\":\"" + service + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}
