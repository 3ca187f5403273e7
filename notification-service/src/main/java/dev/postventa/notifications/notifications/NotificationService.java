package dev.postventa.notifications.notifications;

import dev.postventa.events.notifications.CustomerNotified;
import dev.postventa.notifications.NotificationsConfig;
import dev.postventa.notifications.messages.MessageRenderer;
import dev.postventa.notifications.messages.OutgoingMessage;
import dev.postventa.support.outbox.OutboxWriter;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Sends each customer message once: it is stored PENDING with the inbox claim, sent outside any transaction, and
 * its outcome, every attempt and the {@code CustomerNotified} event are stored together afterwards. SMTP has no
 * idempotency key, so a crash between the server's acceptance and that last write may send a message twice.
 */
@ApplicationScoped
public class NotificationService {

    public static final String EMAIL = "email";
    private static final Logger LOG = Logger.getLogger(NotificationService.class);
    private static final String INSERT = """
            INSERT INTO notification (id, return_id, causation_event_id, channel, template, locale, recipient, subject,
                                      body, status, attempts, created_at, updated_at)
            VALUES (:id, :returnId, :eventId, :channel, :template, :locale, :recipient, :subject, :body, 'PENDING', 0,
                    :now, :now)
            ON CONFLICT (causation_event_id, channel) DO NOTHING""";

    private final MessageRenderer renderer;
    private final ReactiveMailer mailer;
    private final OutboxWriter outbox;
    private final NotificationsConfig config;
    private final Clock clock = Clock.systemUTC();

    NotificationService(MessageRenderer renderer, ReactiveMailer mailer, OutboxWriter outbox, NotificationsConfig config) {
        this.renderer = renderer;
        this.mailer = mailer;
        this.outbox = outbox;
        this.config = config;
    }

    /** Stores the message as PENDING unless it exists already; must run inside the inbox's transaction. */
    public Uni<Void> prepare(OutgoingMessage message) {
        MessageRenderer.Rendered rendered = renderer.render(message.template(), message.customer().locale(),
                message.data());
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                .setParameter("id", UUID.randomUUID())
                .setParameter("returnId", message.returnId())
                .setParameter("eventId", message.causationEventId())
                .setParameter("channel", EMAIL)
                .setParameter("template", message.template())
                .setParameter("locale", rendered.language())
                .setParameter("recipient", message.customer().email())
                .setParameter("subject", rendered.subject())
                .setParameter("body", rendered.body())
                .setParameter("now", clock.instant())
                .executeUpdate()).replaceWithVoid();
    }

    /** Delivers the message caused by an event, retrying a few times at once; leaves it PENDING if that fails. */
    public Uni<Void> deliver(String causationEventId) {
        return Panache.withSession(() -> Notification.<Notification>find("causationEventId = ?1 and channel = ?2",
                        causationEventId, EMAIL).firstResult())
                .chain(n -> n == null || n.status != Notification.Status.PENDING ? Uni.createFrom().voidItem()
                        : attemptWithRetries(n.id, config.immediateRetries()));
    }

    /** Tries again every PENDING message whose last attempt is older than the configured wait. */
    public Uni<Void> retryPending() {
        Instant before = clock.instant().minus(config.retryAfter());
        return Panache.withSession(() -> Notification.<Notification>list(
                        "status = ?1 and updatedAt < ?2 order by createdAt", Notification.Status.PENDING, before))
                .chain(pending -> {
                    Uni<Void> all = Uni.createFrom().voidItem();
                    for (Notification n : pending) {
                        all = all.chain(() -> attempt(n.id).replaceWithVoid());
                    }
                    return all;
                });
    }

    public Uni<List<NotificationView>> forReturn(UUID returnId) {
        return Panache.withSession(() -> Notification.<Notification>list("returnId = ?1 order by createdAt, id", returnId)
                .chain(notifications -> {
                    Uni<List<NotificationView>> views = Uni.createFrom().item(List.of());
                    for (Notification n : notifications) {
                        views = views.chain(list -> NotificationAttempt.<NotificationAttempt>list(
                                        "notificationId = ?1 order by attempt", n.id)
                                .map(attempts -> {
                                    List<NotificationView> copy = new java.util.ArrayList<>(list);
                                    copy.add(NotificationView.of(n, attempts));
                                    return copy;
                                }));
                    }
                    return views;
                }));
    }

    private Uni<Void> attemptWithRetries(UUID id, int retriesLeft) {
        return attempt(id).chain(sent -> sent || retriesLeft <= 0 ? Uni.createFrom().voidItem()
                : Uni.createFrom().voidItem().onItem().delayIt().by(config.retryBackoff())
                        .chain(() -> attemptWithRetries(id, retriesLeft - 1)));
    }

    /** One delivery attempt; true when the message is no longer PENDING. */
    private Uni<Boolean> attempt(UUID id) {
        return Panache.withSession(() -> Notification.<Notification>findById(id)).chain(n -> {
            if (n == null || n.status != Notification.Status.PENDING) {
                return Uni.createFrom().item(true);
            }
            return mailer.send(Mail.withText(n.recipient, n.subject, n.body))
                    .onItemOrFailure().transformToUni((ok, failure) -> record(id, failure));
        });
    }

    private Uni<Boolean> record(UUID id, Throwable failure) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> Notification.<Notification>findById(id, LockModeType.PESSIMISTIC_WRITE)
                .chain(n -> {
                    if (n.status != Notification.Status.PENDING) {
                        return Uni.createFrom().item(true);
                    }
                    n.attempts++;
                    n.updatedAt = now;
                    if (failure != null) {
                        LOG.warnf("email %s to %s failed (attempt %d): %s", n.id, n.recipient, n.attempts,
                                failure.getMessage());
                        if (n.attempts >= config.maxAttempts()) {
                            n.status = Notification.Status.FAILED;
                        }
                        return NotificationAttempt.of(n.id, n.attempts, now, "FAILED", String.valueOf(failure.getMessage()))
                                .persist().replaceWith(n.status != Notification.Status.PENDING);
                    }
                    n.status = Notification.Status.SENT;
                    n.sentAt = now;
                    return NotificationAttempt.of(n.id, n.attempts, now, "SENT", null).persist()
                            .chain(() -> outbox.publish(new CustomerNotified(n.id, n.returnId, n.channel, n.template,
                                    n.locale, n.recipient, n.causationEventId, now)))
                            .replaceWith(true);
                }));
    }
}
