package dev.postventa.tracking.webhooks;

import dev.postventa.support.problem.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Counts every carrier webhook request our endpoints answer in {@code postventa_carrier_webhooks_total{carrier,
 * outcome, reason}}: outcome {@code accepted} (202) or {@code duplicate} (200, nothing new), both with reason
 * {@code none}, or {@code rejected} with the reason of the refusal: {@code signature} (missing or wrong signature,
 * malformed timestamp), {@code stale} (timestamp outside the tolerance: a replay or a skewed sender clock),
 * {@code malformed} (400), {@code too_large} (413, counted by {@link TooLargeWebhooks}), {@code unknown_carrier} (no such carrier or no
 * secret configured: carrier label {@code unknown} for names we do not know, so a scanner cannot grow the label set),
 * {@code unknown_shipment} (no shipment with that tracking number) or {@code error} (anything else, a 5xx).
 */
@ApplicationScoped
public class WebhookMetrics {

    public static final String NAME = "postventa.carrier.webhooks";
    public static final String UNKNOWN_CARRIER = "unknown";
    public static final String ACCEPTED = "accepted";
    public static final String DUPLICATE = "duplicate";
    static final String TOO_LARGE = "too_large";

    private final MeterRegistry metrics;

    WebhookMetrics(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    /**
     * Handles a request and counts its answer: {@code handling} may throw (synchronous checks) or fail later (the
     * shipment lookup); either way the failure is counted and passed on unchanged.
     */
    public Uni<Response> counted(String carrier, Supplier<Uni<Response>> handling) {
        return counted(carrier, handling, response -> response.getStatus() == 202 ? ACCEPTED : DUPLICATE);
    }

    /** As above, with the endpoint's own reading of its answer: {@link #ACCEPTED} or {@link #DUPLICATE}. */
    public Uni<Response> counted(String carrier, Supplier<Uni<Response>> handling,
                                 Function<Response, String> outcome) {
        return Uni.createFrom().<Response>deferred(() -> handling.get())
                .invoke(response -> count(carrier, outcome.apply(response), "none"))
                .onFailure().invoke(failure -> {
                    String reason = reason(failure);
                    // Every 413, whoever answers it, is counted once by TooLargeWebhooks.
                    if (!TOO_LARGE.equals(reason)) {
                        count(carrier, "rejected", reason);
                    }
                });
    }

    /** The reason label of a refusal (see the class comment). */
    static String reason(Throwable failure) {
        if (failure instanceof WebhookSignatures.StaleTimestamp) {
            return "stale";
        }
        if (!(failure instanceof ProblemException problem)) {
            return "error";
        }
        return switch (problem.status()) {
            case 401 -> "signature";
            case 400 -> "malformed";
            case 413 -> TOO_LARGE;
            case 404 -> failure instanceof UnknownCarrier ? "unknown_carrier" : "unknown_shipment";
            default -> "error";
        };
    }

    void count(String carrier, String outcome, String reason) {
        metrics.counter(NAME, "carrier", carrier, "outcome", outcome, "reason", reason).increment();
    }

    /** 404: no carrier of that name, or none of its secrets configured (its webhooks are refused). */
    public static final class UnknownCarrier extends ProblemException {

        public UnknownCarrier(String carrier) {
            super(404, "not-found", "Carrier not found", "Carrier " + carrier + " does not exist",
                    java.util.List.of());
        }
    }
}
