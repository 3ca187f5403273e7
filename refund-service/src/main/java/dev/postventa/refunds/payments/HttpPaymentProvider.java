package dev.postventa.refunds.payments;

import com.fasterxml.jackson.databind.JsonNode;
import dev.postventa.events.EventJson;
import dev.postventa.refunds.RefundsConfig;
import dev.postventa.support.effect.EffectsConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * The payment-provider port over HTTP, for a provider speaking this small JSON API (documented in the README):
 * <ul>
 *   <li>{@code POST {url}/refunds} with header {@code Idempotency-Key: <refund id>} and body
 *       {@code {"orderId","amount","currency"}} (amount a decimal string): {@code 200/201 {"reference": …}} paid (the
 *       same reference for the same key); {@code 402/422 {"reason": …}} refused for good; anything else is transient.</li>
 *   <li>{@code GET {url}/refunds/{key}}: {@code 200 {"status": "succeeded"|"refused"|"pending", "reference", "reason"}};
 *       {@code 404} no refund under that key.</li>
 * </ul>
 * Calls are bounded by the effect call timeout; a call without an answer leaves the outcome unknown (handled by the
 * caller). Answers larger than {@code postventa.refunds.http.max-answer-bytes} are refused unread.
 */
@ApplicationScoped
@Typed(HttpPaymentProvider.class)
public class HttpPaymentProvider implements PaymentProvider {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final String base;
    private final Optional<String> apiKey;
    private final Duration timeout;
    private final int maxAnswerBytes;
    private final HttpClient client;

    HttpPaymentProvider(RefundsConfig config, EffectsConfig effects) {
        RefundsConfig.Http http = config.http();
        URI url = http.url().orElseThrow(() -> new IllegalStateException(
                "postventa.refunds.provider=http needs postventa.refunds.http.url (env PAYMENT_PROVIDER_URL)"));
        if (url.getScheme() == null || !List.of("http", "https").contains(url.getScheme())) {
            throw new IllegalStateException("postventa.refunds.http.url must be an http(s) URL: " + url);
        }
        String text = url.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.apiKey = http.apiKey().filter(key -> !key.isBlank());
        this.timeout = effects.callTimeout();
        this.maxAnswerBytes = http.maxAnswerBytes();
        this.client = HttpClient.newBuilder().connectTimeout(http.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Uni<ProviderRefund> refund(RefundOrder order) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("orderId", order.orderId());
        body.put("amount", order.amount().amount().toPlainString());
        body.put("currency", order.amount().currency());
        HttpRequest request = request("/refunds")
                .header(IDEMPOTENCY_KEY, order.idempotencyKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(EventJson.toJson(body), StandardCharsets.UTF_8))
                .build();
        return send(request).map(answer -> {
            int status = answer.statusCode();
            if (status == 200 || status == 201) {
                String reference = text(answer, "reference");
                if (reference == null || reference.isBlank()) {
                    throw new IllegalStateException("the payment provider answered " + status + " without a reference");
                }
                return new ProviderRefund(reference);
            }
            if (status == 402 || status == 422) {
                String reason = text(answer, "reason");
                throw new PaymentRefusedException(reason == null || reason.isBlank() ? "refused (HTTP " + status + ")"
                        : reason);
            }
            throw new TransientPaymentException("the payment provider answered HTTP " + status);
        });
    }

    @Override
    public Uni<PaymentStatus> status(String idempotencyKey) {
        HttpRequest request = request("/refunds/" + URLEncoder.encode(idempotencyKey, StandardCharsets.UTF_8)).GET()
                .build();
        return send(request).map(answer -> {
            int status = answer.statusCode();
            if (status == 404) {
                return PaymentStatus.noRecord();
            }
            if (status != 200) {
                throw new TransientPaymentException("the payment provider's lookup answered HTTP " + status);
            }
            String state = text(answer, "status");
            if ("succeeded".equals(state)) {
                String reference = text(answer, "reference");
                if (reference == null || reference.isBlank()) {
                    throw new IllegalStateException("the payment provider's lookup says succeeded without a reference");
                }
                return PaymentStatus.paid(reference);
            }
            if ("refused".equals(state)) {
                String reason = text(answer, "reason");
                return PaymentStatus.refused(reason == null || reason.isBlank() ? "refused" : reason);
            }
            // "pending" or anything else: the provider cannot tell yet.
            throw new TransientPaymentException("the payment provider's lookup says " + state);
        });
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .header("Accept", "application/json");
        apiKey.ifPresent(key -> builder.header("Authorization", "Bearer " + key));
        return builder;
    }

    private Uni<Answer> send(HttpRequest request) {
        return Uni.createFrom().completionStage(() -> client.sendAsync(request, this::bounded))
                .map(response -> new Answer(response.statusCode(), response.body()))
                .onFailure(ConnectException.class).transform(refused -> new TransientPaymentException(
                        "the payment provider refused the connection: " + refused.getMessage()))
                .onFailure(IOException.class).transform(io -> new TransientPaymentException(
                        "no answer from the payment provider: " + io));
    }

    /** Reads at most {@code maxAnswerBytes} of a body; a longer one fails the call instead of filling the memory. */
    private HttpResponse.BodySubscriber<byte[]> bounded(HttpResponse.ResponseInfo info) {
        return new BoundedBody(maxAnswerBytes);
    }

    private static String text(Answer answer, String field) {
        if (answer.body().length == 0) {
            return null;
        }
        JsonNode node;
        try {
            node = EventJson.mapper().readTree(answer.body());
        } catch (IOException notJson) {
            throw new IllegalStateException("the payment provider answered HTTP " + answer.statusCode()
                    + " with a body that is not JSON");
        }
        JsonNode value = node == null ? null : node.get(field);
        return value == null || !value.isTextual() ? null : value.asText();
    }

    private record Answer(int statusCode, byte[] body) {
    }

    private static final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final int max;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        private Flow.Subscription subscription;

        BoundedBody(int max) {
            this.max = max;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + buffer.remaining() > max) {
                    subscription.cancel();
                    result.completeExceptionally(new IllegalStateException(
                            "the payment provider's answer is larger than " + max + " bytes"));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
