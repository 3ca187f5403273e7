package dev.postventa.bench;

import dev.postventa.infra.WebhookSigner;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Scenario 1: signed carrier scans (Standard Webhooks) with unique event ids, spread over the shipments of real
 * returns, at a fixed rate and at the maximum a fixed number of connections reaches.
 */
final class WebhookIngest {

    private final Bench bench;

    WebhookIngest(Bench bench) {
        this.bench = bench;
    }

    void run() throws Exception {
        int shipments = bench.settings.integer("shipments", 100);
        String prefix = "BW-" + bench.run;
        bench.fixture.publishAndAwaitOrders(prefix, shipments, 1, bench.patience());
        List<String> returns = bench.fixture.createReturns(ReturnsFixture.orderIds(prefix, shipments));
        List<String> tracking = bench.fixture.trackingNumbers(returns, bench.patience());
        WebhookSigner signer = new WebhookSigner(bench.target.webhookSecret());
        // Scans happened a minute ago by the carrier's clock: well inside the signature and future tolerances.
        String scannedAt = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString();

        double rate = bench.settings.rate("webhook-rate", 2000);
        LoadResult fixed = OpenLoop.fixedRate("webhooks-fixed", rate, bench.runDuration(), bench.maxInFlight(),
                i -> scan(signer, tracking.get((int) (i % tracking.size())), "f-" + i, scannedAt));
        bench.report.add(Figure.rate("webhook-fixed", "signed webhook ingest at " + Report.number(rate) + "/s",
                fixed.throughput(), "req/s", null, null, "p99 ≤ 20 ms at 2,000/s",
                fixed.errors() + " errors").withLatency(Figure.Latency.of(fixed)));

        int connections = bench.settings.integer("webhook-connections", 32);
        LoadResult max = OpenLoop.saturate("webhooks-max", connections, bench.runDuration(),
                i -> scan(signer, tracking.get((int) (i % tracking.size())), "m-" + i, scannedAt));
        bench.report.add(Figure.rate("webhook-max", "signed webhook ingest, maximum (" + connections + " connections)",
                max.throughput(), "req/s", bench.insertRateName, bench.insertBaseline(),
                "≥ 0.5 × insert rate", max.errors() + " errors").withLatency(Figure.Latency.of(max)));
    }

    private CompletableFuture<Boolean> scan(WebhookSigner signer, String trackingNumber, String id, String at) {
        String body = """
                {"eventId":"bench-%s-%s","trackingNumber":"%s","carrierStatus":"in_transit","scannedAt":"%s",\
                "location":"Querétaro"}""".formatted(bench.run, id, trackingNumber, at);
        return bench.http.postJson(bench.target.trackingUrl() + "/webhooks/carriers/simulated/scans", body,
                signer.headers(body)).thenApply(WebhookIngest::accepted);
    }

    private static boolean accepted(HttpResponse<String> response) {
        return response.statusCode() == 202;
    }
}
