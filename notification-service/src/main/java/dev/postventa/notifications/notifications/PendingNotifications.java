package dev.postventa.notifications.notifications;

import dev.postventa.notifications.NotificationsConfig;
import dev.postventa.notifications.messages.MessageRenderer;
import dev.postventa.notifications.messages.OutgoingMessage;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Stores a rendered message as PENDING, once per causing event and channel, in the consumer's inbox transaction. */
@ApplicationScoped
public class PendingNotifications {

    private static final String INSERT = """
            INSERT INTO notification (id, return_id, causation_event_id, channel, template, locale, recipient, subject,
                                      body, status, attempts, created_at, updated_at, next_attempt_at)
            VALUES (:id, :returnId, :eventId, :channel, :template, :locale, :recipient, :subject, :body, 'PENDING', 0,
                    :now, :now, :due)
            ON CONFLICT (causation_event_id, channel) DO NOTHING""";

    private final MessageRenderer renderer;
    private final NotificationsConfig config;
    private final Clock clock = Clock.systemUTC();

    PendingNotifications(MessageRenderer renderer, NotificationsConfig config) {
        this.renderer = renderer;
        this.config = config;
    }

    /** Renders and stores the email; must run inside the inbox's transaction. A stored one is left as it is. */
    public Uni<Void> store(OutgoingMessage message) {
        MessageRenderer.Rendered rendered = renderer.render(message.template(), message.customer(), message.data());
        Instant now = clock.instant();
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                .setParameter("id", UUID.randomUUID())
                .setParameter("returnId", message.returnId())
                .setParameter("eventId", message.causationEventId())
                .setParameter("channel", Notification.EMAIL)
                .setParameter("template", message.template())
                .setParameter("locale", rendered.language())
                .setParameter("recipient", message.customer().email())
                .setParameter("subject", rendered.subject())
                .setParameter("body", rendered.body())
                .setParameter("now", now)
                // The consumer tries it right after this commit; the sweeper only if that never happens (crash).
                .setParameter("due", now.plus(config.retryAfter()))
                .executeUpdate()).replaceWithVoid();
    }
}
