package dev.postventa.notifications.notification;

import dev.postventa.notifications.delivery.EmailEffect;
import dev.postventa.notifications.messages.MessageRenderer;
import dev.postventa.notifications.messages.OutgoingMessage;
import dev.postventa.support.effect.Effects;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Stores the message an event causes, rendered once, as a PENDING notification and owes its delivery as an
 * {@code email} effect keyed by the notification id; both in the consumer's inbox transaction.
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

    NotificationService(MessageRenderer renderer, Effects effects, Clock clock) {
        this.renderer = renderer;
        this.effects = effects;
        this.clock = clock;
    }

    /** Renders and stores the email and schedules its delivery; must run inside the inbox's transaction. */
    public Uni<Void> store(OutgoingMessage message) {
        MessageRenderer.Rendered rendered = renderer.render(message.template(), message.customer(), message.data());
        Notification n = Notification.pendingEmail(UUID.randomUUID(), message.returnId(), message.causationEventId(),
                message.template(), rendered.language(), message.customer().email(), rendered.subject(),
                rendered.body(), clock.instant());
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
                    return effects.schedule(EmailEffect.KIND, n.id.toString(), null).replaceWithVoid();
                });
    }
}
