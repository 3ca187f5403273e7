package dev.postventa.notifications.delivery;

import dev.postventa.events.notifications.CustomerNotified;
import dev.postventa.notifications.NotificationsConfig;
import dev.postventa.notifications.notifications.Notification;
import dev.postventa.notifications.notifications.NotificationAttempt;
import dev.postventa.support.outbox.OutboxWriter;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Delivers stored notifications by email, one attempt at a time: the attempt is claimed in a short transaction (so
 * that no other attempt, here or in another instance, sends the same message meanwhile), the email is sent outside
 * any transaction, and then the attempt, the new status and, once sent, {@code CustomerNotified} are written in one
 * transaction. SMTP has no idempotency key: should the process die after the server accepted a message and before
 * that last write, the message is sent again later. Its Message-ID is derived from the notification id, so that
 * mailbox providers can recognise such a copy.
 */
@ApplicationScoped
public class EmailDelivery {

    private static final Logger LOG = Logger.getLogger(EmailDelivery.class);

    private final ReactiveMailer mailer;
    private final OutboxWriter outbox;
    private final NotificationsConfig config;
    private final RetrySchedule schedule;
    private final String messageIdDomain;
    private final Clock clock = Clock.systemUTC();

    EmailDelivery(ReactiveMailer mailer, OutboxWriter outbox, NotificationsConfig config,
                  @ConfigProperty(name = "quarkus.mailer.from") String from) {
        this.mailer = mailer;
        this.outbox = outbox;
        this.config = config;
        this.schedule = RetrySchedule.of(config);
        this.messageIdDomain = domainOf(from);
    }

    /**
     * First delivery of the message stored for an event: an attempt and a few quick retries. Does nothing when the
     * message was tried before (a redelivered event): the sweeper owns it then.
     */
    public Uni<Void> deliverNew(String causationEventId) {
        return Panache.withSession(() -> Notification.<Notification>find("causationEventId = ?1 and channel = ?2",
                        causationEventId, Notification.EMAIL).firstResult())
                .chain(n -> n == null ? Uni.createFrom().voidItem() : tryNow(n.id, 0));
    }

    /** Tries every message that is due, oldest first, one after the other; returns how many got through. */
    public Uni<Integer> deliverDue() {
        return Panache.withSession(() -> Notification.<Notification>find("status = ?1 and nextAttemptAt <= ?2",
                                Sort.ascending("nextAttemptAt"), Notification.Status.PENDING, clock.instant())
                        .page(0, config.sweepBatchSize()).list())
                .chain(due -> {
                    Uni<Integer> sent = Uni.createFrom().item(0);
                    for (Notification n : due) {
                        sent = sent.chain(count -> attempt(n.id, this::isDue)
                                .map(outcome -> outcome.sent() ? count + 1 : count));
                    }
                    return sent;
                });
    }

    /** One attempt, if nobody made another since {@code attemptsSoFar}; quick retries while allowed. */
    private Uni<Void> tryNow(UUID id, int attemptsSoFar) {
        return attempt(id, n -> n.attempts == attemptsSoFar).chain(outcome -> {
            if (!outcome.failed() || !schedule.retriesAtOnce(outcome.attempt())) {
                return Uni.createFrom().voidItem();
            }
            return onThisContext(Uni.createFrom().voidItem().onItem().delayIt()
                            .by(schedule.beforeQuickRetry(outcome.attempt())))
                    .chain(() -> tryNow(id, outcome.attempt()));
        });
    }

    private Uni<Outcome> attempt(UUID id, Predicate<Notification> eligible) {
        return claim(id, eligible).chain(claim -> claim == null ? Uni.createFrom().item(Outcome.NOT_CLAIMED)
                : send(claim).onItemOrFailure().transformToUni((ignored, failure) -> record(claim, failure)));
    }

    /** Starts attempt number {@code attempts + 1} if the message is PENDING and eligible; null otherwise. */
    private Uni<Claim> claim(UUID id, Predicate<Notification> eligible) {
        return Panache.withTransaction(() -> Notification.<Notification>findById(id, LockModeType.PESSIMISTIC_WRITE)
                .map(n -> {
                    if (n == null || n.status != Notification.Status.PENDING || !eligible.test(n)) {
                        return null;
                    }
                    Instant now = clock.instant();
                    n.attempts++;
                    n.updatedAt = now;
                    n.nextAttemptAt = now.plus(schedule.lease());
                    return new Claim(n.id, n.attempts, n.recipient, n.subject, n.body);
                }));
    }

    private Uni<Void> send(Claim claim) {
        Mail mail = Mail.withText(claim.recipient(), claim.subject(), claim.body())
                .addHeader("Message-ID", "<" + claim.notificationId() + "@" + messageIdDomain + ">");
        return onThisContext(Uni.createFrom().deferred(() -> mailer.send(mail))
                .ifNoItem().after(config.sendTimeout()).failWith(() -> new SendTimeoutException(config.sendTimeout())));
    }

    /** Continues on the caller's Vert.x context after a timer fired elsewhere: Panache's session lives there. */
    private static <T> Uni<T> onThisContext(Uni<T> uni) {
        Context context = Vertx.currentContext();
        return context == null ? uni : uni.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }

    private Uni<Outcome> record(Claim claim, Throwable failure) {
        return Panache.withTransaction(() -> Notification.<Notification>findById(claim.notificationId(),
                                LockModeType.PESSIMISTIC_WRITE)
                        .chain(n -> failure == null ? recordSent(n, claim) : recordFailed(n, claim, failure)))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(2)).atMost(5)
                .onFailure().recoverWithItem(error -> {
                    // The outcome is lost; the lease runs out and the sweeper tries again (a copy if this one was sent).
                    LOG.errorf(error, "could not record attempt %d of notification %s (%s)", claim.attempt(),
                            claim.notificationId(), failure == null ? "sent" : "failed");
                    return new Outcome(claim.attempt(), failure == null);
                });
    }

    private Uni<Outcome> recordSent(Notification n, Claim claim) {
        Instant now = clock.instant();
        Uni<Void> attempt = NotificationAttempt.of(n.id, claim.attempt(), now, NotificationAttempt.SENT, null).persist()
                .replaceWithVoid();
        Outcome sent = new Outcome(claim.attempt(), true);
        if (n.status == Notification.Status.SENT) {
            LOG.warnf("notification %s was sent again by attempt %d, which outlived its lease", n.id, claim.attempt());
            return attempt.replaceWith(sent);
        }
        n.status = Notification.Status.SENT;
        n.sentAt = now;
        n.updatedAt = now;
        n.nextAttemptAt = null;
        return attempt.chain(() -> outbox.publish(new CustomerNotified(n.id, n.returnId, n.channel, n.template, n.locale,
                n.recipient, n.causationEventId, now))).replaceWith(sent);
    }

    private Uni<Outcome> recordFailed(Notification n, Claim claim, Throwable failure) {
        Instant now = clock.instant();
        String error = describe(failure);
        n.updatedAt = now;
        // Only the latest attempt schedules the next one: an older one that outlived its lease changes nothing.
        if (n.status == Notification.Status.PENDING && n.attempts == claim.attempt()) {
            if (claim.attempt() >= config.maxAttempts()) {
                n.status = Notification.Status.FAILED;
                n.nextAttemptAt = null;
                LOG.errorf("notification %s to %s given up after %d attempts: %s", n.id, n.recipient, claim.attempt(),
                        error);
            } else {
                n.nextAttemptAt = now.plus(schedule.afterFailure(claim.attempt()));
                LOG.warnf("notification %s to %s failed (attempt %d), next attempt at %s: %s", n.id, n.recipient,
                        claim.attempt(), n.nextAttemptAt, error);
            }
        }
        return NotificationAttempt.of(n.id, claim.attempt(), now, NotificationAttempt.FAILED, error).persist()
                .replaceWith(new Outcome(claim.attempt(), false));
    }

    private boolean isDue(Notification n) {
        return n.nextAttemptAt == null || !n.nextAttemptAt.isAfter(clock.instant());
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    static String domainOf(String from) {
        int at = from == null ? -1 : from.lastIndexOf('@');
        if (at < 0) {
            return "postventa.local";
        }
        String domain = from.substring(at + 1).replace(">", "").strip();
        return domain.isEmpty() ? "postventa.local" : domain;
    }

    /** An attempt that was started: its number and what to send. */
    private record Claim(UUID notificationId, int attempt, String recipient, String subject, String body) {
    }

    /** How an attempt ended; attempt 0 when none was started. */
    private record Outcome(int attempt, boolean sent) {

        static final Outcome NOT_CLAIMED = new Outcome(0, false);

        boolean failed() {
            return attempt > 0 && !sent;
        }
    }

    /** The SMTP server did not answer in time; whether it will still deliver the message is unknown. */
    static final class SendTimeoutException extends RuntimeException {

        SendTimeoutException(Duration timeout) {
            super("no answer from the SMTP server within " + timeout);
        }
    }
}
