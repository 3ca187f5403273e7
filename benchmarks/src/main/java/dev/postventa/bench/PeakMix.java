package dev.postventa.bench;

import dev.postventa.events.EventCatalog;
import dev.postventa.events.EventJson;
import dev.postventa.events.Topics;
import dev.postventa.events.notifications.CustomerNotified;
import dev.postventa.events.refunds.RefundIssued;
import dev.postventa.events.returns.ReturnReceived;
import dev.postventa.events.shipments.ReturnShipmentCreated;
import dev.postventa.infra.WebhookSigner;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Scenario 5, the peak mix end to end: returns created over HTTP at a fixed rate (open loop) on orders published to
 * the storefront topic first; as soon as a return's label exists ({@code ReturnShipmentCreated}) the carrier scans it
 * (signed webhooks: picked up, then delivered), so returns-service receives it, refund-service refunds it and
 * notification-service emails the customer, all while later returns keep arriving. For each return it measures
 * {@code ReturnReceived} → {@code RefundIssued} and {@code ReturnReceived} → the refund-issued email
 * ({@code CustomerNotified}, template {@code refund-issued}), each as the difference of the events' {@code ce_time}:
 * the producing service's outbox commit clock, every service on this machine's clock.
 */
final class PeakMix {

    private static final String SHIPMENT_CREATED = EventCatalog.typeOf(ReturnShipmentCreated.class);
    private static final String RECEIVED = EventCatalog.typeOf(ReturnReceived.class);
    private static final String REFUND_ISSUED = EventCatalog.typeOf(RefundIssued.class);
    private static final String NOTIFIED = EventCatalog.typeOf(CustomerNotified.class);
    /** notification-service's template for "your refund was issued" (CustomerMessages.REFUND_ISSUED). */
    static final String REFUND_ISSUED_TEMPLATE = "refund-issued";

    private final Bench bench;
    private final String prefix;
    private final WebhookSigner signer;
    // Return ids the API answered 201 for; labels, receipts, refunds and emails by return id (ce_time of each).
    private final Set<String> ours = ConcurrentHashMap.newKeySet();
    private final Map<String, String> labels = new ConcurrentHashMap<>();
    private final Set<String> scanned = ConcurrentHashMap.newKeySet();
    private final Map<String, Instant> received = new ConcurrentHashMap<>();
    private final Map<String, Instant> refunded = new ConcurrentHashMap<>();
    private final Map<String, Instant> emailed = new ConcurrentHashMap<>();
    private final AtomicLong scansAccepted = new AtomicLong();
    private final AtomicLong scanErrors = new AtomicLong();
    // Why returns were not created: the HTTP status, or the exception's class (a timeout, a refused connection).
    private final Map<String, AtomicLong> refusals = new ConcurrentHashMap<>();

    PeakMix(Bench bench) {
        this.bench = bench;
        this.prefix = "BP-" + bench.run;
        this.signer = new WebhookSigner(bench.target.webhookSecret());
    }

    void run() throws Exception {
        double rate = bench.settings.rate("peak-rate", 200);
        Duration duration = bench.runDuration();
        // The same count OpenLoop.fixedRate sends, so every request has its order.
        int count = (int) Math.max(1, Math.round(rate * duration.toNanos() / 1e9));
        bench.fixture.publishAndAwaitOrders(prefix, count, 1, bench.patience());
        List<String> orders = ReturnsFixture.orderIds(prefix, count);

        Map<TopicPartition, Long> from = new HashMap<>();
        List<String> topics = List.of(Topics.SHIPMENTS, Topics.RETURNS, Topics.REFUNDS, Topics.NOTIFICATIONS);
        topics.forEach(t -> from.putAll(bench.kafka.endOffsets(t)));
        AtomicLong createdTotal = new AtomicLong(-1);
        AtomicLong deadline = new AtomicLong(Long.MAX_VALUE);
        AtomicReference<Exception> watchFailure = new AtomicReference<>();
        // One reader of the four topics for the whole run: it starts the scans as labels appear (so scans, refunds
        // and emails overlap with the arrival of new returns) and collects the times the figures are made of.
        Thread watcher = new Thread(() -> {
            try (KafkaConsumer<String, byte[]> consumer = bench.kafka.consumerFrom(topics, from, bench.patience())) {
                while (System.nanoTime() < deadline.get() && !complete(createdTotal.get())) {
                    consumer.poll(Duration.ofMillis(200)).forEach(this::observe);
                }
            } catch (Exception e) {
                watchFailure.set(e);
            }
        }, "bench-peak-watcher");
        watcher.setDaemon(true);
        watcher.start();

        LoadResult created;
        try {
            created = OpenLoop.fixedRate("peak-returns", rate, duration, bench.maxInFlight(),
                    i -> create(orders.get((int) i)));
        } finally {
            createdTotal.set(ours.size());
            deadline.set(System.nanoTime() + bench.patience().toNanos());
        }
        watcher.join(bench.patience().toMillis() + TimeUnit.MINUTES.toMillis(1));
        if (watchFailure.get() != null) {
            throw new IllegalStateException("reading the topics back failed", watchFailure.get());
        }

        Histogram toRefund = new Histogram(TimeUnit.HOURS.toMillis(1), 3);
        Histogram toEmail = new Histogram(TimeUnit.HOURS.toMillis(1), 3);
        Span refundSpan = new Span();
        Span emailSpan = new Span();
        for (String returnId : ours) {
            Instant at = received.get(returnId);
            if (at == null) {
                continue;
            }
            record(toRefund, refundSpan, at, refunded.get(returnId));
            record(toEmail, emailSpan, at, emailed.get(returnId));
        }
        long receivedCount = ours.stream().filter(received::containsKey).count();
        if (receivedCount == 0) {
            throw new IllegalStateException("none of the " + ours.size() + " returns created was received within "
                    + bench.patience() + " (" + labels.size() + " labels seen, " + scansAccepted.get()
                    + " scans accepted, " + scanErrors.get() + " refused)");
        }
        String completed = " of " + ours.size() + " returns within patience " + bench.patience().toSeconds() + " s";
        bench.report.add(Figure.rate("peak-returns", "peak mix: POST /returns at " + Report.number(rate)
                        + "/s while earlier returns are scanned, refunded and emailed", created.throughput(),
                "returns/s", null, null, "200 returns/s", created.errors() + " errors" + (refusals.isEmpty() ? ""
                        : " " + refusals) + ", " + scansAccepted.get()
                        + " scans accepted, " + scanErrors.get() + " refused, " + receivedCount + " received")
                .withLatency(Figure.Latency.of(created)));
        bench.report.add(Figure.rate("peak-refund", "peak mix: ReturnReceived → RefundIssued (ce_time)",
                refundSpan.rate(toRefund.getTotalCount()), "refunds/s", null, null, "p99 ≤ 2 s at 200 returns/s",
                toRefund.getTotalCount() + " refunded" + completed).withLatency(Figure.Latency.ofMillis(toRefund)));
        bench.report.add(Figure.rate("peak-email", "peak mix: ReturnReceived → refund-issued email sent (ce_time)",
                emailSpan.rate(toEmail.getTotalCount()), "emails/s", null, null, "p99 ≤ 2 s at 200 returns/s",
                toEmail.getTotalCount() + " emailed" + completed).withLatency(Figure.Latency.ofMillis(toEmail)));
    }

    /** Every return created so far (known once the load ended) has its refund and its email. */
    private boolean complete(long total) {
        return total >= 0 && ours.stream().filter(refunded::containsKey).count() >= total
                && ours.stream().filter(emailed::containsKey).count() >= total;
    }

    private CompletableFuture<Boolean> create(String orderId) {
        return bench.fixture.createReturn(orderId, "bench-" + orderId, 1).handle((response, failure) -> {
            if (failure != null || response.statusCode() != 201) {
                String why = failure != null ? (failure.getCause() != null ? failure.getCause() : failure).getClass()
                        .getSimpleName() : "HTTP " + response.statusCode();
                refusals.computeIfAbsent(why, k -> new AtomicLong()).incrementAndGet();
                return false;
            }
            String returnId = ReturnsFixture.json(response.body()).path("id").asText();
            ours.add(returnId);
            scanWhenLabelled(returnId);
            return true;
        });
    }

    private void observe(ConsumerRecord<String, byte[]> record) {
        String type = Kafka.header(record, "ce_type");
        String time = Kafka.header(record, "ce_time");
        if (type == null || time == null) {
            return;
        }
        if (type.equals(SHIPMENT_CREATED)) {
            ReturnShipmentCreated e = EventJson.fromBytes(record.value(), ReturnShipmentCreated.class);
            labels.put(e.returnId().toString(), e.trackingNumber());
            scanWhenLabelled(e.returnId().toString());
        } else if (type.equals(RECEIVED)) {
            ReturnReceived e = EventJson.fromBytes(record.value(), ReturnReceived.class);
            if (e.orderId().startsWith(prefix + "-")) {
                received.putIfAbsent(e.returnId().toString(), Instant.parse(time));
            }
        } else if (type.equals(REFUND_ISSUED)) {
            RefundIssued e = EventJson.fromBytes(record.value(), RefundIssued.class);
            if (e.orderId().startsWith(prefix + "-")) {
                refunded.putIfAbsent(e.returnId().toString(), Instant.parse(time));
            }
        } else if (type.equals(NOTIFIED)) {
            CustomerNotified e = EventJson.fromBytes(record.value(), CustomerNotified.class);
            if (REFUND_ISSUED_TEMPLATE.equals(e.template()) && e.returnId() != null) {
                emailed.putIfAbsent(e.returnId().toString(), Instant.parse(time));
            }
        }
    }

    /**
     * Scans a return once both its 201 and its label were seen (in whichever order they came): picked up, then, once
     * that was accepted, delivered to the warehouse.
     */
    private void scanWhenLabelled(String returnId) {
        String tracking = labels.get(returnId);
        if (tracking == null || !ours.contains(returnId) || !scanned.add(returnId)) {
            return;
        }
        // By the carrier's clock the parcel was picked up two minutes ago and delivered one minute ago: ordered,
        // and well inside the signature and future-date tolerances.
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        scan(returnId, tracking, "picked_up", now.minus(2, ChronoUnit.MINUTES))
                .thenCompose(ok -> ok ? scan(returnId, tracking, "delivered", now.minus(1, ChronoUnit.MINUTES))
                        : CompletableFuture.completedFuture(false))
                .whenComplete((ok, failure) -> (Boolean.TRUE.equals(ok) && failure == null ? scansAccepted
                        : scanErrors).incrementAndGet());
    }

    private CompletableFuture<Boolean> scan(String returnId, String tracking, String status, Instant at) {
        String body = """
                {"eventId":"bench-%s-%s-%s","trackingNumber":"%s","carrierStatus":"%s","scannedAt":"%s",\
                "location":"Querétaro"}""".formatted(bench.run, returnId, status, tracking, status, at);
        return bench.http.postJson(bench.target.trackingUrl() + "/webhooks/carriers/simulated/scans", body,
                signer.headers(body)).thenApply(PeakMix::accepted);
    }

    private static boolean accepted(HttpResponse<String> response) {
        return response.statusCode() == 202;
    }

    private static void record(Histogram millis, Span span, Instant receivedAt, Instant doneAt) {
        if (doneAt == null) {
            return;
        }
        long ms = Math.max(0, doneAt.toEpochMilli() - receivedAt.toEpochMilli());
        millis.recordValue(Math.min(ms, millis.getHighestTrackableValue()));
        span.include(receivedAt, doneAt);
    }

    /** From the first return received to the last one done: the rate the pipeline completed them at. */
    private static final class Span {
        private Instant first;
        private Instant last;

        void include(Instant start, Instant end) {
            first = first == null || start.isBefore(first) ? start : first;
            last = last == null || end.isAfter(last) ? end : last;
        }

        double rate(long done) {
            if (first == null || done == 0) {
                return 0;
            }
            return done / Math.max(0.001, (last.toEpochMilli() - first.toEpochMilli()) / 1000.0);
        }
    }
}
