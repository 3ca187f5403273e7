package dev.postventa.notifications.notification;

import dev.postventa.events.CustomerContact;
import dev.postventa.notifications.delivery.EmailEffect;
import dev.postventa.notifications.delivery.HtmlPart;
import dev.postventa.notifications.messages.LocalDates;
import dev.postventa.notifications.messages.MessageRenderer;
import dev.postventa.notifications.messages.OutgoingMessage;
import dev.postventa.notifications.preferences.DeliveryPlan;
import dev.postventa.notifications.preferences.OrderCustomers;
import dev.postventa.notifications.preferences.PreferenceKeys;
import dev.postventa.notifications.preferences.Preferences;
import dev.postventa.notifications.sms.SmsConfig;
import dev.postventa.notifications.sms.SmsEffect;
import dev.postventa.notifications.sms.SmsText;
import dev.postventa.support.effect.Effects;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Stores the message an event causes, rendered once, as a PENDING notification per channel the customer's
 * preferences give, and owes each delivery as an {@code email} or {@code sms} effect keyed by the notification id
 * (the email's HTML alternative as the effect's payload); all in the consumer's inbox transaction.
 */
@ApplicationScoped
public class NotificationService {

    private static final Logger LOG = Logger.getLogger(NotificationService.class);
    // The unique (causation_event_id, channel) key is a second line behind the inbox claim: never a duplicate row.
    private static final String INSERT = """
            INSERT INTO notification (id, return_id, causation_event_id, channel, template, locale, recipient, subject,
                                      body, status, created_at, updated_at)
            VALUES (:id, :returnId, :eventId, :channel, :template, :locale, :recipient, :subject, :body, :status,
                    :now, :now)
            ON CONFLICT (causation_event_id, channel) DO NOTHING""";

    private final MessageRenderer renderer;
    private final Effects effects;
    private final Clock clock;
    private final Preferences preferences;
    private final OrderCustomers customers;
    private final SmsConfig sms;

    NotificationService(MessageRenderer renderer, Effects effects, Clock clock, Preferences preferences,
                        OrderCustomers customers, SmsConfig sms) {
        this.renderer = renderer;
        this.effects = effects;
        this.clock = clock;
        this.preferences = preferences;
        this.customers = customers;
        this.sms = sms;
    }

    /**
     * Renders and stores the message on the channels the customer's preferences give ({@link DeliveryPlan}) and
     * schedules each delivery, deferred to the end of quiet hours when the plan says so; must run inside the inbox's
     * transaction. A message the customer opted out of is only logged.
     */
    public Uni<Void> store(OutgoingMessage message) {
        MessageRenderer.Rendered rendered = renderer.render(message.template(), message.customer(), message.data());
        Instant now = clock.instant();
        CustomerContact customer = message.customer();
        return customers.remember(message.returnId(), customer)
                .chain(() -> preferences.of(PreferenceKeys.of(customer)))
                .chain(preference -> {
                    DeliveryPlan plan = DeliveryPlan.decide(preference, message.template(),
                            LocalDates.zoneOf(customer.country()), now, sms.enabled());
                    if (plan.skipped() != null) {
                        LOG.infof("the %s message about event %s is not sent: %s", message.template(),
                                message.causationEventId(), plan.skipped());
                        return Uni.createFrom().voidItem();
                    }
                    Uni<Void> email = !plan.email() ? Uni.createFrom().voidItem()
                            : insert(Notification.pendingEmail(UUID.randomUUID(), message.returnId(),
                                    message.causationEventId(), message.template(), rendered.language(),
                                    customer.email(), rendered.subject(), rendered.body(), now),
                                    EmailEffect.KIND, new HtmlPart(rendered.html()), plan.dueAt());
                    return email.chain(() -> plan.smsTo() == null ? Uni.createFrom().voidItem()
                            : insert(Notification.pendingSms(UUID.randomUUID(), message.returnId(),
                                    message.causationEventId(), message.template(), rendered.language(),
                                    plan.smsTo(), SmsText.of(rendered.subject(), message.data()), now),
                                    SmsEffect.KIND, null, plan.dueAt()));
                });
    }

    private Uni<Void> insert(Notification n, String effectKind, Object payload, Instant dueAt) {
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                        .setParameter("id", n.id)
                        .setParameter("returnId", n.returnId)
                        .setParameter("eventId", n.causationEventId)
                        .setParameter("channel", n.channel)
                        .setParameter("template", n.template)
                        .setParameter("locale", n.locale)
                        .setParameter("recipient", n.recipient)
                        .setParameter("subject", n.subject)
                        .setParameter("body", n.body)
                        .setParameter("status", n.status.name())
                        .setParameter("now", n.createdAt)
                        .executeUpdate())
                .chain(inserted -> {
                    if (inserted == 0) {
                        LOG.infof("the %s message about event %s is stored already: nothing more to send",
                                n.channel, n.causationEventId);
                        return Uni.createFrom().voidItem();
                    }
                    Uni<Void> scheduled = effects.schedule(effectKind, n.id.toString(), payload).replaceWithVoid();
                    if (!dueAt.isAfter(n.createdAt)) {
                        return scheduled;
                    }
                    LOG.infof("the %s message %s about event %s waits for the end of quiet hours: %s", n.channel,
                            n.id, n.causationEventId, dueAt);
                    return scheduled.chain(() -> Panache.getSession()).chain(session -> session.createNativeQuery(
                                    "UPDATE pending_effect SET due_at = :due WHERE kind = :kind AND effect_key = :key")
                            .setParameter("due", dueAt)
                            .setParameter("kind", effectKind)
                            .setParameter("key", n.id.toString())
                            .executeUpdate()).replaceWithVoid();
                });
    }
}
