package dev.postventa.notifications.merchant;

import com.standardwebhooks.Webhook;
import dev.postventa.support.effect.EffectsConfig;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/**
 * POSTs one delivery to a merchant's endpoint, signed per Standard Webhooks ({@code webhook-id},
 * {@code webhook-timestamp} = Unix seconds of this attempt, {@code webhook-signature} = {@code v1,<base64
 * HMAC-SHA256>} computed by the spec's library), with connect and answer timeouts and without following redirects.
 * 2xx answers the status; 5xx, 408, 429 and network errors fail (the worker retries); other answers are refused.
 */
@ApplicationScoped
@Startup
public class MerchantWebhookSender {

    /** What one attempt needs: where, with which secret, the stable id and the exact body. */
    public record Call(String url, String secret, String webhookId, String body) {
    }

    private final MerchantWebhooksConfig config;
    private final Clock clock;
    private final HttpClient http;

    MerchantWebhookSender(MerchantWebhooksConfig config, EffectsConfig effects, Clock clock) {
        // The attempt must end here (a recorded failure) before the worker's call timeout gives up on it.
        if (config.timeout().compareTo(effects.callTimeout()) >= 0) {
            throw new IllegalStateException("postventa.merchant-webhooks.timeout (" + config.timeout()
                    + ") must be shorter than postventa.effects.call-timeout (" + effects.callTimeout() + ")");
        }
        this.config = config;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public Uni<Integer> send(Call call) {
        URI uri = URI.create(call.url());
        // The name is looked up on a worker thread (a lookup blocks) before every delivery: what it resolves to now
        // decides, not what it resolved to when the merchant subscribed (MerchantAddresses).
        return Uni.createFrom().item(() -> checkAddresses(uri))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(() -> post(uri, call));
    }

    private Void checkAddresses(URI uri) {
        String host = uri.getHost();
        if (MerchantAddresses.exempt(host, config.insecureHosts().orElse(List.of()))) {
            return null;
        }
        List<InetAddress> addresses;
        try {
            addresses = List.of(InetAddress.getAllByName(host));
        } catch (UnknownHostException e) {
            // Possibly a passing DNS failure: retried on the schedule like a network error.
            throw new IllegalStateException("cannot resolve " + host + ": " + e.getMessage(), e);
        }
        MerchantAddresses.resolvedProblem(host, addresses).ifPresent(why -> {
            throw new WebhookRefusedException(why + ": not delivered");
        });
        return null;
    }

    private Uni<Integer> post(URI uri, Call call) {
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Postventa-Webhooks/1")
                .header("webhook-id", call.webhookId())
                .header("webhook-timestamp", String.valueOf(timestamp))
                .header("webhook-signature", sign(call.secret(), call.webhookId(), timestamp, call.body()))
                .POST(HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8))
                .build();
        // The merchant's answer body is never read: only its status decides.
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.discarding()))
                .map(response -> answer(response.statusCode()));
    }

    static String sign(String secret, String webhookId, long timestamp, String body) {
        try {
            return new Webhook(secret).sign(webhookId, timestamp, body);
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign webhook " + webhookId + ": " + e.getMessage(), e);
        }
    }

    /** The status of a 2xx; else a failure the worker retries, or a refusal it does not. */
    static int answer(int status) {
        if (status >= 200 && status < 300) {
            return status;
        }
        if (status >= 500 || status == 408 || status == 429) {
            throw new IllegalStateException("HTTP " + status + " from the merchant's endpoint");
        }
        if (status >= 300 && status < 400) {
            throw new WebhookRefusedException("HTTP " + status + " from the merchant's endpoint: redirects are not "
                    + "followed (subscribe the final URL)");
        }
        throw new WebhookRefusedException("HTTP " + status + " from the merchant's endpoint: refused, not retried");
    }
}
