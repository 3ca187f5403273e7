package dev.postventa.notifications.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postventa.events.notifications.CustomerNotified;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A notification is delivered or given up once, only while PENDING; what it announces when sent. */
class NotificationTest {

    static final Instant CREATED = Instant.parse("2026-11-22T10:00:00Z");
    static final Instant LATER = Instant.parse("2026-11-22T10:05:00Z");
    final UUID id = UUID.randomUUID();
    final UUID returnId = UUID.randomUUID();

    @Test
    void aStoredEmailIsPendingUntilItsDeliveryIsKnown() {
        Notification n = pending();

        assertThat(n.status).isEqualTo(Notification.Status.PENDING);
        assertThat(n.isPending()).isTrue();
        assertThat(n.channel).isEqualTo(Notification.EMAIL);
        assertThat(n.createdAt).isEqualTo(CREATED);
        assertThat(n.sentAt).isNull();
    }

    @Test
    void aSentEmailIsAnnouncedWithItsCausingEvent() {
        Notification n = pending();

        CustomerNotified notified = n.sent(LATER);

        assertThat(n.status).isEqualTo(Notification.Status.SENT);
        assertThat(n.sentAt).isEqualTo(LATER);
        assertThat(n.updatedAt).isEqualTo(LATER);
        assertThat(notified).isEqualTo(new CustomerNotified(id, returnId, "email", "return-in-transit", "es",
                "ana@example.mx", "event-1", LATER));
    }

    @Test
    void aGivenUpEmailKeepsWhy() {
        Notification n = pending();

        n.failed("gave up after 12 attempts: connection refused", LATER);

        assertThat(n.status).isEqualTo(Notification.Status.FAILED);
        assertThat(n.failureReason).isEqualTo("gave up after 12 attempts: connection refused");
        assertThat(n.sentAt).isNull();
        assertThat(n.updatedAt).isEqualTo(LATER);
    }

    @Test
    void aSentEmailCannotBeSentAgainNorGivenUp() {
        Notification n = pending();
        n.sent(LATER);

        assertThatThrownBy(() -> n.sent(LATER)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is SENT").hasMessageContaining("cannot mark it sent");
        assertThatThrownBy(() -> n.failed("late failure", LATER)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is SENT");
        assertThat(n.status).isEqualTo(Notification.Status.SENT);
        assertThat(n.failureReason).isNull();
    }

    @Test
    void aFailedEmailCannotBeSentNorFailAgain() {
        Notification n = pending();
        n.failed("refused", LATER);

        assertThatThrownBy(() -> n.sent(LATER)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is FAILED");
        assertThatThrownBy(() -> n.failed("again", LATER)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is FAILED");
        assertThat(n.status).isEqualTo(Notification.Status.FAILED);
        assertThat(n.failureReason).isEqualTo("refused");
        assertThat(n.sentAt).isNull();
    }

    private Notification pending() {
        return Notification.pendingEmail(id, returnId, "event-1", "return-in-transit", "es", "ana@example.mx",
                "Tu devolución va en camino", "Hola\n", CREATED);
    }
}
