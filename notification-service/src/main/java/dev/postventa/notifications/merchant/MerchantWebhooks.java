package dev.postventa.notifications.merchant;

import dev.postventa.events.EventCatalog;
import dev.postventa.support.effect.Effects;
import dev.postventa.support.inbox.IncomingEvent;
import dev.postventa.support.inbox.SkippedEvents;
import dev.postventa.support.persistence.SqlStates;
import dev.postventa.support.problem.Problem.FieldViolation;
import dev.postventa.support.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Merchant webhook subscriptions and their fan-out: a consumed event becomes one delivery per active subscription
 * that wants its type, in the inbox's transaction, each owed to the effect worker ({@link MerchantWebhookEffect}).
 */
@ApplicationScoped
public class MerchantWebhooks {

    private static final Logger LOG = Logger.getLogger(MerchantWebhooks.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String INSERT_DELIVERY = """
            INSERT INTO merchant_webhook_delivery (id, subscription_id, event_id, event_type, webhook_id, body, status,
                                                   attempts, next_attempt_at, created_at, updated_at)
            VALUES (:id, :subscription, :eventId, :type, :webhookId, :body, 'PENDING', 0, :now, :now, :now)
            ON CONFLICT (subscription_id, event_id) DO NOTHING""";

    private final MerchantWebhooksConfig config;
    private final Effects effects;
    private final SkippedEvents skipped;
    private final Clock clock;
    private final Set<String> subscribableTypes;

    MerchantWebhooks(MerchantWebhooksConfig config, Effects effects, SkippedEvents skipped, Clock clock,
                     @ConfigProperty(name = "mp.messaging.incoming.journey.topics") List<String> consumedTopics) {
        this.config = config;
        this.effects = effects;
        this.skipped = skipped;
        this.clock = clock;
        this.subscribableTypes = subscribableTypes(consumedTopics);
    }

    /** The catalogued types published on the topics this service consumes: what a merchant may subscribe to. */
    static Set<String> subscribableTypes(List<String> consumedTopics) {
        Set<String> types = new LinkedHashSet<>();
        EventCatalog.entries().forEach((type, entry) -> {
            if (consumedTopics.contains(entry.topic())) {
                types.add(type);
            }
        });
        return Set.copyOf(types);
    }

    Set<String> subscribableTypes() {
        return subscribableTypes;
    }

    /** Starts {@link MerchantWebhookHandlers}: the consumer's handlers, each also fanning out to merchants. */
    public MerchantWebhookHandlers handlers() {
        return new MerchantWebhookHandlers(this);
    }

    // --- subscriptions

    /**
     * Creates the subscription, once. A URL has at most one active subscription (a second is 409), and a repeated
     * {@code Idempotency-Key} answers its first creation again (422 when it came with another request). Both rules are
     * unique indexes, so requests racing each other cannot both pass a check: the loser's insert fails and it is
     * answered from what the winner stored.
     */
    Uni<CreatedSubscriptionView> subscribe(SubscriptionRequest request, String idempotencyKey) {
        SubscriptionRequest checked = SubscriptionRules.check(request, config.insecureHosts().orElse(List.of()),
                subscribableTypes);
        String fingerprint = MerchantWebhookSubscription.fingerprint(checked.url(), checked.eventTypes(),
                checked.description());
        return Panache.withTransaction(() -> byKey(idempotencyKey).chain(previous -> previous != null
                        ? replay(previous, fingerprint)
                        : create(checked, idempotencyKey)))
                .onFailure(SqlStates::isUniqueViolation)
                .recoverWithUni(() -> Panache.withSession(() -> afterConflict(checked.url(), idempotencyKey, fingerprint)));
    }

    private Uni<CreatedSubscriptionView> create(SubscriptionRequest checked, String idempotencyKey) {
        MerchantWebhookSubscription s = MerchantWebhookSubscription.create(checked.url(), checked.eventTypes(),
                checked.description(), newSecret(), clock.instant(), idempotencyKey);
        return s.persist().call(() -> Panache.getSession().chain(session -> session.flush())).map(ignored -> {
            LOG.infof("merchant webhook subscription %s created for %s (%s)", s.id, s.url, s.eventTypes);
            return CreatedSubscriptionView.of(s);
        });
    }

    private static Uni<MerchantWebhookSubscription> byKey(String idempotencyKey) {
        return idempotencyKey == null ? Uni.createFrom().nullItem()
                : MerchantWebhookSubscription.<MerchantWebhookSubscription>find("idempotencyKey", idempotencyKey)
                        .firstResult();
    }

    private static Uni<CreatedSubscriptionView> replay(MerchantWebhookSubscription previous, String fingerprint) {
        if (!previous.requestFingerprint.equals(fingerprint)) {
            return Uni.createFrom().failure(ProblemException.unprocessable("idempotency-key-reused",
                    "Idempotency-Key already used for a different request", List.of(new FieldViolation(
                            "Idempotency-Key", "was first used to subscribe with another URL, types or description"))));
        }
        LOG.infof("merchant webhook subscription %s asked again with its Idempotency-Key: answered, nothing created",
                previous.id);
        return Uni.createFrom().item(CreatedSubscriptionView.of(previous));
    }

    /** The insert lost a race, or the URL is already subscribed: answer from what is stored. */
    private static Uni<CreatedSubscriptionView> afterConflict(String url, String idempotencyKey, String fingerprint) {
        return byKey(idempotencyKey).chain(previous -> previous != null ? replay(previous, fingerprint)
                : MerchantWebhookSubscription.<MerchantWebhookSubscription>find("url = ?1 and deletedAt is null", url)
                        .firstResult().chain(active -> Uni.createFrom().failure(alreadySubscribed(url, active))));
    }

    private static ProblemException alreadySubscribed(String url, MerchantWebhookSubscription active) {
        String detail = active == null
                ? "another request subscribed or unsubscribed " + url + " at the same moment: try again"
                : "subscription " + active.id + " already sends to " + url + "; to change its event types, delete it "
                        + "and subscribe again";
        return new ProblemException(409, "already-subscribed", "This URL already has a subscription", detail,
                List.of(new FieldViolation("url", "already has an active subscription")));
    }

    Uni<List<SubscriptionView>> list() {
        return Panache.withSession(() -> MerchantWebhookSubscription.<MerchantWebhookSubscription>list(
                "deletedAt is null order by createdAt, id")).map(all -> all.stream().map(SubscriptionView::of).toList());
    }

    Uni<List<DeliveryView>> deliveries(UUID subscriptionId) {
        return Panache.withSession(() -> existing(subscriptionId).chain(s -> MerchantWebhookDelivery
                .<MerchantWebhookDelivery>find("subscriptionId = ?1 order by createdAt desc, id", subscriptionId)
                .page(0, config.deliveriesShown()).list()))
                .map(all -> all.stream().map(DeliveryView::of).toList());
    }

    /** Stops future deliveries and cancels the pending ones; deleting again changes nothing. */
    Uni<Void> delete(UUID subscriptionId) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> existing(subscriptionId).chain(s -> {
            boolean first = s.deletedAt == null;
            s.delete(now);
            return MerchantWebhookDelivery.update("status = ?1, nextAttemptAt = null, lastError = ?2, updatedAt = ?3 "
                            + "where subscriptionId = ?4 and status = ?5", MerchantWebhookDelivery.Status.CANCELLED,
                    "subscription deleted", now, subscriptionId, MerchantWebhookDelivery.Status.PENDING)
                    .invoke(cancelled -> {
                        if (first) {
                            LOG.infof("merchant webhook subscription %s deleted; %d pending deliveries cancelled",
                                    subscriptionId, cancelled);
                        }
                    });
        })).replaceWithVoid();
    }

    private static Uni<MerchantWebhookSubscription> existing(UUID id) {
        return MerchantWebhookSubscription.<MerchantWebhookSubscription>findById(id).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("Merchant webhook subscription", id.toString()));
    }

    /** {@code whsec_} + base64 of 32 random bytes, the Standard Webhooks form. */
    static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    // --- fan-out, inside the inbox's transaction

    /** Records one delivery per active subscription wanting the event's type; returns how many were added. */
    Uni<Integer> fanOut(IncomingEvent event) {
        Instant now = clock.instant();
        Instant eventTime = event.time() == null ? now : event.time().toInstant();
        String body = WebhookMessage.body(event.type(), eventTime, event.payload());
        String webhookId = WebhookMessage.webhookId(event.id());
        return MerchantWebhookSubscription.<MerchantWebhookSubscription>list("deletedAt is null").chain(all -> {
            // One statement after the other: a reactive session runs one at a time.
            Uni<Integer> added = Uni.createFrom().item(0);
            for (MerchantWebhookSubscription s : all) {
                if (s.wants(event.type())) {
                    added = added.chain(n -> owe(s, event, webhookId, body, now).map(one -> n + one));
                }
            }
            return added;
        });
    }

    /**
     * Whether an active subscription wants the event's type: read in a session of its own, before the inbox claims
     * the event. A subscription made meanwhile takes the events consumed after it, as always.
     */
    Uni<Boolean> anyoneWants(IncomingEvent event) {
        // Types are catalogued (letters, digits, dots and dashes): nothing in one is a LIKE wildcard.
        return Panache.withSession(() -> MerchantWebhookSubscription.count(
                        "deletedAt is null and concat(',', eventTypes, ',') like ?1", "%," + event.type() + ",%"))
                .map(subscriptions -> subscriptions > 0);
    }

    /** Fan-out for an event the consumer has no other use for: with no subscriber left it is skipped, visibly. */
    Uni<Void> fanOutOrSkip(IncomingEvent event) {
        return fanOut(event).chain(added -> added > 0 ? Uni.createFrom().voidItem()
                : skipped.skip(event.id(), event.type()));
    }

    private Uni<Integer> owe(MerchantWebhookSubscription s, IncomingEvent event, String webhookId, String body,
                             Instant now) {
        UUID id = UUID.randomUUID();
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT_DELIVERY)
                        .setParameter("id", id)
                        .setParameter("subscription", s.id)
                        .setParameter("eventId", event.id())
                        .setParameter("type", event.type())
                        .setParameter("webhookId", webhookId)
                        .setParameter("body", body)
                        .setParameter("now", now)
                        .executeUpdate())
                .chain(inserted -> inserted == 1
                        ? effects.schedule(MerchantWebhookEffect.KIND, id.toString(), null).replaceWith(1)
                        : Uni.createFrom().item(0));
    }
}
