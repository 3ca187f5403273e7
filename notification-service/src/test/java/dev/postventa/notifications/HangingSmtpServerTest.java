package dev.postventa.notifications;

import static dev.postventa.infra.Callers.management;
import static dev.postventa.infra.Callers.asOps;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.EventCatalog;
import dev.postventa.events.EventJson;
import dev.postventa.events.Topics;
import dev.postventa.events.returns.ReturnInTransit;
import dev.postventa.infra.KafkaTestClient;
import dev.postventa.infra.PostventaTestResource;
import dev.postventa.infra.ServiceDatabase;
import dev.postventa.infra.SmtpInbox;
import dev.postventa.infra.SmtpTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An SMTP server that accepts the connection and never answers: the journey channel keeps consuming, the silent
 * connection is let go by the client's read timeout (shorter than the worker's call timeout) and the attempt is
 * retried on the effect schedule, the service stays ready, and once the server answers every message goes out once.
 */
@QuarkusTest
@TestProfile(HangingSmtpServerTest.BehindAHangingServer.class)
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
@QuarkusTestResource(SmtpTestResource.class)
class HangingSmtpServerTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    /** The service's SMTP client talks to the hanging server, which forwards to the test SMTP server when told. */
    public static class BehindAHangingServer implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            String port = String.valueOf(HangingSmtpServer.Shared.port());
            return Map.of("postventa.smtp.host", "127.0.0.1", "postventa.smtp.port", port,
                    "postventa.smtp.read-timeout", "2s");
        }
    }

    @Test
    void aServerThatNeverAnswersDoesNotStopTheChannelAndItsMessagesGoOutOnceItAnswers() {
        HangingSmtpServer smtp = HangingSmtpServer.Shared.server();
        SmtpInbox inbox = SmtpTestResource.inbox();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String firstEmail = "ana+" + first + "@example.mx";
        String secondEmail = "luis+" + second + "@example.mx";
        smtp.hang();
        try (KafkaTestClient kafka = ServiceDatabase.kafka()) {
            inTransit(kafka, first, firstEmail);
            await().atMost(WAIT).until(() -> smtp.hungConnections() >= 1);

            // While the first email hangs, the channel goes on: the second event is consumed and its message stored.
            inTransit(kafka, second, secondEmail);
            await().atMost(WAIT).until(() -> ServiceDatabase.count(
                    "select count(*) from notification where return_id = ?", second) == 1);

            // The client lets the silent connection go (read timeout) and the attempt is retried on schedule.
            await().atMost(WAIT).until(() -> smtp.closedByClient() >= 1);
            await().atMost(WAIT).until(() -> failedAttempts(first) >= 2);
            management().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
            management().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
            assertThat(ServiceDatabase.count("select count(*) from notification where return_id in (?, ?) "
                    + "and status = 'PENDING'", first, second)).isEqualTo(2);
        } finally {
            smtp.answer();
        }

        inbox.awaitMessages(m -> m.to().contains(firstEmail), 1, WAIT);
        inbox.awaitMessages(m -> m.to().contains(secondEmail), 1, WAIT);
        for (UUID returnId : List.of(first, second)) {
            await().atMost(WAIT).until(() -> ServiceDatabase.count(
                    "select count(*) from notification where return_id = ? and status = 'SENT'", returnId) == 1);
        }
        asOps().queryParam("returnId", first.toString()).when().get("/notifications").then()
                .body("[0].attempts[0].outcome", equalTo("FAILED"))
                .body("[0].attempts[-1].outcome", equalTo("SENT"));
        assertThat(inbox.messages().stream().filter(m -> m.to().contains(firstEmail))).hasSize(1);
        assertThat(inbox.messages().stream().filter(m -> m.to().contains(secondEmail))).hasSize(1);
    }

    private static long failedAttempts(UUID returnId) {
        return ServiceDatabase.count("select count(*) from notification_attempt a join notification n "
                + "on n.id = a.notification_id where n.return_id = ? and a.outcome = 'FAILED'", returnId);
    }

    private static void inTransit(KafkaTestClient kafka, UUID returnId, String email) {
        ReturnInTransit event = new ReturnInTransit(returnId, "MX-1", "RMA-261122-ABC234", "SIMMX000000000042",
                new CustomerContact("cust-7", email, "es-MX", "MX"), Instant.now());
        kafka.sendCloudEvent(Topics.RETURNS, returnId.toString(), UUID.randomUUID().toString(),
                EventCatalog.typeOf(ReturnInTransit.class), "returns-service", EventJson.toBytes(event));
    }
}
