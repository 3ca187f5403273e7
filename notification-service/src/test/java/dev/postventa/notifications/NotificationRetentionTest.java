package dev.postventa.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.postventa.infra.PostventaTestResource;
import dev.postventa.infra.ServiceDatabase;
import dev.postventa.infra.SmtpTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Settled messages (SENT, FAILED) older than the retention are deleted in batches with their attempts and their
 * finished email effects; recent ones and messages still owed stay (test profile: 30 days, batches of 2).
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
@QuarkusTestResource(SmtpTestResource.class)
class NotificationRetentionTest {

    @Test
    void settledMessagesOlderThanTheRetentionAreDeletedWithTheirAttemptsAndEffects() {
        UUID returnId = UUID.randomUUID();
        List<UUID> old = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            old.add(insert(returnId, i % 2 == 0 ? "SENT" : "FAILED", 200));
        }
        UUID recentSent = insert(returnId, "SENT", 10);
        UUID oldPending = insert(returnId, "PENDING", 200);

        await().atMost(Duration.ofSeconds(30)).until(() -> ServiceDatabase.count(
                "select count(*) from notification where return_id = ?", returnId) == 2);

        assertThat(ServiceDatabase.count("select count(*) from notification where id in (?, ?)", recentSent,
                oldPending)).isEqualTo(2);
        for (UUID id : old) {
            assertThat(ServiceDatabase.count("select count(*) from notification_attempt where notification_id = ?", id))
                    .isZero();
            assertThat(ServiceDatabase.count("select count(*) from pending_effect where kind = 'email' "
                    + "and effect_key = ?", id.toString())).isZero();
        }
        assertThat(ServiceDatabase.count("select count(*) from notification_attempt where notification_id in (?, ?)",
                recentSent, oldPending)).isEqualTo(2);
        assertThat(ServiceDatabase.count("select count(*) from pending_effect where kind = 'email' "
                + "and effect_key in (?, ?)", recentSent.toString(), oldPending.toString())).isEqualTo(2);
    }

    @Test
    void settledMerchantDeliveriesOlderThanTheRetentionAreDeletedWithTheirEffects() {
        UUID subscription = UUID.randomUUID();
        ServiceDatabase.execute("INSERT INTO merchant_webhook_subscription (id, url, event_types, secret, created_at) "
                + "VALUES ('" + subscription + "', 'https://erp.example/h', 'postventa.return.approved.v1', "
                + "'whsec_c2VjcmV0', now() - interval '300 days')");
        List<UUID> old = List.of(delivery(subscription, "DELIVERED", 200), delivery(subscription, "FAILED", 200),
                delivery(subscription, "CANCELLED", 200));
        UUID recent = delivery(subscription, "DELIVERED", 10);
        UUID owed = delivery(subscription, "PENDING", 200);

        await().atMost(Duration.ofSeconds(30)).until(() -> ServiceDatabase.count(
                "select count(*) from merchant_webhook_delivery where subscription_id = ?", subscription) == 2);
        assertThat(ServiceDatabase.count("select count(*) from merchant_webhook_delivery where id in (?, ?)", recent,
                owed)).isEqualTo(2);
        for (UUID id : old) {
            assertThat(ServiceDatabase.count("select count(*) from pending_effect where kind = 'merchant-webhook' "
                    + "and effect_key = ?", id.toString())).isZero();
        }
        assertThat(ServiceDatabase.count("select count(*) from pending_effect where kind = 'merchant-webhook' "
                + "and effect_key in (?, ?)", recent.toString(), owed.toString())).isEqualTo(2);
    }

    /** A merchant delivery settled (or last touched) {@code daysAgo} days ago, with its effect. */
    private static UUID delivery(UUID subscription, String status, int daysAgo) {
        UUID id = UUID.randomUUID();
        String at = "now() - interval '" + daysAgo + " days'";
        String effectStatus = switch (status) {
            case "DELIVERED" -> "DONE";
            case "PENDING" -> "PENDING";
            default -> "FAILED";
        };
        String due = "PENDING".equals(status) ? "now() + interval '1 day'" : at;
        ServiceDatabase.execute("BEGIN; INSERT INTO merchant_webhook_delivery (id, subscription_id, event_id, "
                + "event_type, webhook_id, body, status, created_at, updated_at) VALUES ('" + id + "', '"
                + subscription + "', '" + UUID.randomUUID() + "', 'postventa.return.approved.v1', 'msg_x', '{}', '"
                + status + "', " + at + ", " + at + "); "
                + "INSERT INTO pending_effect (id, kind, effect_key, status, attempts, due_at, created_at, "
                + "updated_at) VALUES ('" + UUID.randomUUID() + "', 'merchant-webhook', '" + id + "', '"
                + effectStatus + "', 1, " + due + ", " + at + ", " + at + "); COMMIT");
        return id;
    }

    /** A message settled (or last touched) {@code daysAgo} days ago, with one attempt and its email effect. */
    private static UUID insert(UUID returnId, String status, int daysAgo) {
        UUID id = UUID.randomUUID();
        String at = "now() - interval '" + daysAgo + " days'";
        String effectStatus = switch (status) {
            case "SENT" -> "DONE";
            case "FAILED" -> "FAILED";
            default -> "PENDING";
        };
        String due = "PENDING".equals(status) ? "now() + interval '1 day'" : at;
        // One transaction: the retention runs every second in the test profile and must see the rows together.
        ServiceDatabase.execute("BEGIN; INSERT INTO notification (id, return_id, causation_event_id, channel, template, locale, "
                + "recipient, subject, body, status, created_at, updated_at, sent_at) VALUES ('" + id + "', '"
                + returnId + "', '" + UUID.randomUUID() + "', 'email', 'return-in-transit', 'es', 'ana@example.mx', "
                + "'Asunto', 'Hola', '" + status + "', " + at + ", " + at + ", "
                + ("SENT".equals(status) ? at : "NULL") + "); "
                + "INSERT INTO notification_attempt (id, notification_id, attempt, at, outcome) VALUES ('"
                + UUID.randomUUID() + "', '" + id + "', 1, " + at + ", '" + ("SENT".equals(status) ? "SENT" : "FAILED")
                + "'); "
                + "INSERT INTO pending_effect (id, kind, effect_key, status, attempts, due_at, created_at, "
                + "updated_at) VALUES ('" + UUID.randomUUID() + "', 'email', '" + id + "', '" + effectStatus + "', 1, "
                + due + ", " + at + ", " + at + "); COMMIT");
        return id;
    }
}
