package dev.postventa.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postventa.infra.PostventaTestResource;
import dev.postventa.infra.ServiceDatabase;
import dev.postventa.infra.SmtpTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The upgrade from the sweeper design (V2) to the effect worker (V3), on the real PostgreSQL in a schema of its own:
 * messages still PENDING become due email effects whose attempt numbers continue; settled ones owe nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
@QuarkusTestResource(SmtpTestResource.class)
class DeliveryMigrationTest {

    @Test
    void messagesLeftPendingByTheSweeperVersionAreOwedAsEmailEffects() throws Exception {
        String schema = "upgrade_" + UUID.randomUUID().toString().replace("-", "");
        UUID pending = UUID.randomUUID();
        UUID sent = UUID.randomUUID();
        UUID failed = UUID.randomUUID();
        try (Connection c = ServiceDatabase.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
            s.execute("SET search_path TO " + schema);
            s.execute(migration("db/support/V0_3__pending_effect.sql"));
            s.execute(migration("db/migration/V1__notifications.sql"));
            s.execute(migration("db/migration/V2__delivery_schedule.sql"));
            // As the previous version left them: one message after 4 failed attempts, one sent, one given up.
            s.execute(oldNotification(pending, "PENDING", 4));
            s.execute(oldNotification(sent, "SENT", 1));
            s.execute(oldNotification(failed, "FAILED", 12));

            s.execute(migration("db/migration/V3__email_effect.sql"));

            List<String> effects = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT kind, effect_key, status, attempts, payload IS NULL, "
                    + "due_at <= now() FROM pending_effect")) {
                while (rs.next()) {
                    effects.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " "
                            + rs.getInt(4) + " " + rs.getBoolean(5) + " " + rs.getBoolean(6));
                }
            }
            assertThat(effects).containsExactly("email " + pending + " PENDING 4 true true");
            assertThat(columns(s, schema)).contains("failure_reason").doesNotContain("attempts", "next_attempt_at");
            try (ResultSet rs = s.executeQuery("SELECT status FROM notification ORDER BY status")) {
                List<String> statuses = new ArrayList<>();
                while (rs.next()) {
                    statuses.add(rs.getString(1));
                }
                assertThat(statuses).containsExactly("FAILED", "PENDING", "SENT");
            }
        } finally {
            ServiceDatabase.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private static String oldNotification(UUID id, String status, int attempts) {
        return """
                INSERT INTO notification (id, return_id, causation_event_id, channel, template, locale, recipient,
                                          subject, body, status, attempts, created_at, updated_at, next_attempt_at)
                VALUES ('%s', '%s', '%s', 'email', 'return-in-transit', 'es', 'ana@example.mx', 'Asunto', 'Hola',
                        '%s', %d, now() - interval '1 hour', now() - interval '5 minutes', %s)"""
                .formatted(id, UUID.randomUUID(), UUID.randomUUID(), status, attempts,
                        "PENDING".equals(status) ? "now() + interval '20 minutes'" : "NULL");
    }

    private static List<String> columns(Statement s, String schema) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT column_name FROM information_schema.columns "
                + "WHERE table_schema = '" + schema + "' AND table_name = 'notification'")) {
            while (rs.next()) {
                columns.add(rs.getString(1));
            }
        }
        return columns;
    }

    private static String migration(String resource) throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
