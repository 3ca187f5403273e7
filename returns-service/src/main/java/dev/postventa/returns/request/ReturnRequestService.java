package dev.postventa.returns.request;

import dev.postventa.events.EventJson;
import dev.postventa.returns.exchange.ExchangeCheck;
import dev.postventa.returns.exchange.ExchangeChoices;
import dev.postventa.returns.kpi.KpiFacts;
import dev.postventa.returns.kpi.KpiMetrics;
import dev.postventa.returns.orders.OrderSnapshot;
import dev.postventa.returns.policy.ReviewRules;
import dev.postventa.returns.policy.ManualReviewRules;
import dev.postventa.returns.policy.ReturnPolicy;
import dev.postventa.returns.policy.ReturnShipBy;
import dev.postventa.returns.policy.ReturnsConfig;
import dev.postventa.returns.resolution.KeepItemRule;
import dev.postventa.support.outbox.OutboxWriter;
import dev.postventa.support.persistence.SqlStates;
import dev.postventa.support.problem.Problem.FieldViolation;
import dev.postventa.support.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Accepts return requests: checks the policy, stores the return and its events in one transaction, approves it
 * under the default policy, and answers a retried request (same Idempotency-Key) with the first result.
 */
@ApplicationScoped
public class ReturnRequestService {

    private static final Logger LOG = Logger.getLogger(ReturnRequestService.class);

    private final ReturnPolicy policy;
    private final ReturnsConfig config;
    private final RmaNumbers rmaNumbers;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final KpiMetrics kpis;
    private final ManualReviewRules review;
    private final ExchangeCheck exchanges;
    private final KeepItemRule keepItem;
    private final ReturnShipBy shipBy;

    ReturnRequestService(ReturnPolicy policy, ReturnsConfig config, RmaNumbers rmaNumbers, OutboxWriter outbox,
                         Clock clock, KpiMetrics kpis, ManualReviewRules review, ExchangeCheck exchanges,
                         KeepItemRule keepItem, ReturnShipBy shipBy) {
        this.kpis = kpis;
        this.shipBy = shipBy;
        this.review = review;
        this.exchanges = exchanges;
        this.keepItem = keepItem;
        this.policy = policy;
        this.config = config;
        this.rmaNumbers = rmaNumbers;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The outcome of a create call: the return, and whether it was created by an earlier call with the same key. */
    public record Outcome(ReturnView view, boolean replayed) {
    }

    public Uni<Outcome> create(CreateReturnRequest request, String idempotencyKey) {
        List<FieldViolation> incomplete = ExchangeChoices.incomplete(request);
        if (!incomplete.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid("Request is not valid", incomplete));
        }
        String fingerprint = fingerprint(request);
        KpiFacts facts = kpis.facts();
        return Panache.withTransaction(() -> replayOf(idempotencyKey, fingerprint)
                        .chain(replay -> replay != null ? Uni.createFrom().item(replay)
                                : createNew(request, idempotencyKey, fingerprint, facts)))
                // Counted only once committed; a failed transaction (and so a replay answered after it) counts nothing.
                .onFailure().invoke(facts::discard)
                .invoke(facts::count)
                // Two concurrent requests with one key: the loser's transaction fails on the key's primary key
                // (and rolls back with its events); answering it with the winner's return is what a retry expects.
                .onFailure(e -> idempotencyKey != null && SqlStates.isUniqueViolation(e))
                .recoverWithUni(() -> Panache.withSession(() -> replayOf(idempotencyKey, fingerprint)));
    }

    public Uni<ReturnView> find(UUID id) {
        return Panache.withSession(() -> ReturnRequest.<ReturnRequest>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Return", id.toString()))
                .chain(this::view));
    }

    public Uni<List<ReturnView>> findByOrder(String orderId) {
        return Panache.withSession(() -> ReturnRequest.forOrder(orderId)
                .chain(returns -> {
                    Uni<List<ReturnView>> views = Uni.createFrom().item(List.of());
                    for (ReturnRequest r : returns) {
                        views = views.chain(list -> view(r).map(v -> append(list, v)));
                    }
                    return views;
                }));
    }

    /** The answer for an order this service does not know (or, to a customer, one that is not theirs). */
    public static ProblemException unknownOrder(String orderId) {
        return ProblemException.unprocessable("return-not-allowed", "Return not allowed",
                List.of(new FieldViolation("orderId", "order " + orderId + " is unknown")));
    }

    private Uni<Outcome> replayOf(String idempotencyKey, String fingerprint) {
        if (idempotencyKey == null) {
            return Uni.createFrom().nullItem();
        }
        return IdempotencyRecord.<IdempotencyRecord>findById(idempotencyKey).chain(record -> {
            if (record == null) {
                return Uni.createFrom().nullItem();
            }
            if (!record.fingerprint.equals(fingerprint)) {
                return Uni.createFrom().failure(new ProblemException(422, "idempotency-key-reused",
                        "Idempotency-Key already used for a different request",
                        "the Idempotency-Key " + idempotencyKey + " was first used with another body", List.of()));
            }
            return ReturnRequest.<ReturnRequest>findById(record.returnId).chain(this::view)
                    .map(view -> new Outcome(view, true));
        });
    }

    private Uni<Outcome> createNew(CreateReturnRequest request, String idempotencyKey, String fingerprint,
                                   KpiFacts facts) {
        Instant now = clock.instant();
        // The order's row lock serialises requests for one order: the earlier returns counted below cannot change
        // until this transaction ends, so concurrent requests can never together return more than was bought.
        return OrderSnapshot.<OrderSnapshot>findById(request.orderId(), LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> unknownOrder(request.orderId()))
                // A request with the same key may have committed while this one waited for the lock.
                .chain(order -> replayOf(idempotencyKey, fingerprint).chain(replay -> replay != null
                        ? Uni.createFrom().item(replay)
                        : createFor(order, request, idempotencyKey, fingerprint, now, facts)));
    }

    private Uni<Outcome> createFor(OrderSnapshot order, CreateReturnRequest request, String idempotencyKey,
                                   String fingerprint, Instant now, KpiFacts facts) {
        List<FieldViolation> policyViolations = policy.check(order, request, now);
        return exchanges.check(order, request).chain(exchange -> {
            List<FieldViolation> violations = new java.util.ArrayList<>(policyViolations);
            violations.addAll(exchange.violations());
            if (!violations.isEmpty()) {
                return Uni.createFrom().failure(
                        ProblemException.unprocessable("return-not-allowed", "Return not allowed", violations));
            }
            Transition requested = ReturnRequest.request(UUID.randomUUID(), order, request,
                    exchange.replacementPrices(), now, keepItem.markerFor(order));
            order.countReturned(requested.request().lines);
            return review.reasons(order, requested.request().lines, now)
                    .chain(reasons -> store(requested, order, now, facts,
                            ReviewRules.withAutoApproval(config.autoApprove(), reasons)))
                    .chain(created -> remember(idempotencyKey, fingerprint, created.id, now).replaceWith(created))
                    .chain(this::view)
                    .map(view -> new Outcome(view, false));
        });
    }

    /** {@code reviewReasons}: the manual-review rules the return trips; any keeps it REQUESTED for operations. */
    private Uni<ReturnRequest> store(Transition requested, OrderSnapshot order, Instant now, KpiFacts facts,
                                     List<String> reviewReasons) {
        ReturnRequest created = requested.request();
        Uni<Void> stored = created.persistAndFlush().chain(() -> Records.record(requested, outbox))
                .invoke(() -> facts.transition(KpiMetrics.REQUESTED, created, order));
        if (!reviewReasons.isEmpty()) {
            String note = "held for manual review: " + String.join("; ", reviewReasons);
            LOG.infof("return %s of order %s %s", created.id, created.orderId, note);
            stored = stored.chain(() -> ReturnHistoryEntry.of(created.id, ReturnStatus.REQUESTED, note, now)
                    .persist().replaceWithVoid());
        }
        if (!reviewReasons.isEmpty()) {
            return stored.replaceWith(created);
        }
        return stored.chain(() -> Records.record(created.approve(rmaNumbers.next(), shipBy.of(order, created.lines),
                        now), outbox))
                .invoke(() -> facts.transition(KpiMetrics.APPROVED, created, order))
                .replaceWith(created);
    }

    private static Uni<Void> remember(String idempotencyKey, String fingerprint, UUID returnId, Instant now) {
        if (idempotencyKey == null) {
            return Uni.createFrom().voidItem();
        }
        IdempotencyRecord record = new IdempotencyRecord();
        record.key = idempotencyKey;
        record.fingerprint = fingerprint;
        record.returnId = returnId;
        record.createdAt = now;
        // Flushed now so that a concurrent duplicate key fails here, inside this transaction.
        return record.persistAndFlush().replaceWithVoid();
    }

    private Uni<ReturnView> view(ReturnRequest request) {
        return ReturnHistoryEntry.forReturn(request.id).map(history -> ReturnView.of(request, history));
    }

    private static String fingerprint(CreateReturnRequest request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(EventJson.toJson(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> copy = new java.util.ArrayList<>(list);
        copy.add(item);
        return copy;
    }
}
