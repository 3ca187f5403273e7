package dev.postventa.notifications;

import static dev.postventa.infra.Callers.asOps;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import com.icegreen.greenmail.util.GreenMail;
import dev.postventa.events.CustomerContact;
import dev.postventa.events.EventCatalog;
import dev.postventa.events.EventJson;
import dev.postventa.events.Topics;
import dev.postventa.events.shipments.ReturnShipmentCreated;
import dev.postventa.infra.KafkaTestClient;
import dev.postventa.infra.PostventaTestResource;
import dev.postventa.infra.ServiceDatabase;
import dev.postventa.infra.SmtpInbox;
import dev.postventa.infra.SmtpTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Values from partners' events reach the email as text (escaped in its HTML part), never as headers or markup:
 * CR/LF cannot add a header or a recipient, an address that is no single mailbox@domain is given up at once, and logs
 * never show a full address.
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
@QuarkusTestResource(SmtpTestResource.class)
class EmailSafetyTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String LABEL = "https://labels.simulated-carrier.invalid/SIMMX000000000042.pdf";

    private final List<String> logged = Collections.synchronizedList(new ArrayList<>());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            // The test's SMTP server (GreenMail) runs in this JVM and logs the mailboxes it creates: not the service.
            boolean testServer = record.getLoggerName() != null && record.getLoggerName().startsWith("com.icegreen");
            if (record.getLevel().intValue() >= Level.INFO.intValue() && !testServer) {
                String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
                logged.add(message + (record.getThrown() == null ? "" : " " + record.getThrown()));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLogs() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void crLfInTheEventsValuesAddsNoHeaderAndNoRecipientAndMarkupStaysText() throws Exception {
        UUID returnId = UUID.randomUUID();
        String email = "ana+" + returnId + "@example.mx";
        String evil = "rma+" + returnId + "@evil.example";
        String rma = "RMA-1\r\nBcc: " + evil + "\r\nX-Injected: yes";
        String carrier = "<script>alert('x')</script>";

        labelCreated(returnId, rma, carrier, new CustomerContact("cust-7", email, "en-US", "US"));

        SmtpInbox.Mail mail = SmtpTestResource.inbox().awaitMessages(m -> m.to().contains(email), 1, WAIT).get(0);
        assertThat(mail.subject()).doesNotContain("\r", "\n").startsWith("Your return RMA-1 Bcc: ");
        // Text and HTML alternatives: literal text in the one, escaped markup in the other, never a script.
        assertThat(mail.body()).contains("hand the parcel to <script>alert('x')</script>");
        assertThat(mail.html()).contains("hand the parcel to &lt;script&gt;alert(").doesNotContain("<script");
        MimeMessage message = received(email).get(0);
        assertThat(message.getHeader("Bcc")).isNull();
        assertThat(message.getHeader("X-Injected")).isNull();
        assertThat(message.getContentType()).startsWith("multipart/alternative");
        assertThat(recipientsOfEveryMessage()).doesNotContain(evil);
        assertThat(greenMail().getUserManager().getUserByEmail(evil)).as("a mailbox for the injected Bcc").isNull();
        await().atMost(WAIT).until(() -> ServiceDatabase.count(
                "select count(*) from notification where return_id = ? and status = 'SENT'", returnId) == 1);
        assertThat(logged).noneMatch(line -> line.contains(email));
    }

    @Test
    void anAddressCarryingAHeaderIsGivenUpAtOnceAndNeverLoggedInFull() throws Exception {
        UUID returnId = UUID.randomUUID();
        String email = "ana+" + returnId + "@example.mx";
        String evil = "bcc+" + returnId + "@evil.example";

        labelCreated(returnId, "RMA-2", "Estafeta", new CustomerContact("cust-7", email + "\r\nBcc: " + evil,
                "es-MX", "MX"));

        await().atMost(WAIT).until(() -> ServiceDatabase.count(
                "select count(*) from notification where return_id = ? and status = 'FAILED'", returnId) == 1);
        asOps().queryParam("returnId", returnId.toString()).when().get("/notifications").then()
                .body("[0].failureReason", startsWith("invalid recipient address"))
                .body("[0].attempts", hasSize(1))
                .body("[0].attempts[0].outcome", equalTo("FAILED"));
        assertThat(recipientsOfEveryMessage()).doesNotContain(evil).noneMatch(r -> r.contains(returnId.toString()));
        assertThat(greenMail().getUserManager().getUserByEmail(evil)).as("a mailbox for the injected Bcc").isNull();
        assertThat(logged).anyMatch(line -> line.contains("invalid recipient address"));
        assertThat(logged).noneMatch(line -> line.contains(email) || line.contains(evil));
    }

    @Test
    void anAddressWithoutDomainIsGivenUpAtOnceWithAClearReason() {
        UUID returnId = UUID.randomUUID();
        String noDomain = "pedro." + returnId + "@";

        labelCreated(returnId, "RMA-3", "Estafeta", new CustomerContact("cust-7", noDomain, "es-MX", "MX"));

        await().atMost(WAIT).until(() -> ServiceDatabase.count(
                "select count(*) from notification where return_id = ? and status = 'FAILED'", returnId) == 1);
        asOps().queryParam("returnId", returnId.toString()).when().get("/notifications").then()
                .body("[0].failureReason", startsWith("invalid recipient address"))
                .body("[0].attempts", hasSize(1));
        assertThat(ServiceDatabase.count("select count(*) from pending_effect e join notification n "
                + "on e.effect_key = n.id::text where e.status = 'PENDING' and n.return_id = ?", returnId)).isZero();
    }

    private static void labelCreated(UUID returnId, String rma, String carrier, CustomerContact customer) {
        UUID shipmentId = UUID.randomUUID();
        ReturnShipmentCreated event = new ReturnShipmentCreated(shipmentId, returnId, rma, carrier,
                "SIMMX000000000042", LABEL, customer, Instant.now());
        try (KafkaTestClient kafka = ServiceDatabase.kafka()) {
            kafka.sendCloudEvent(Topics.SHIPMENTS, shipmentId.toString(), UUID.randomUUID().toString(),
                    EventCatalog.typeOf(ReturnShipmentCreated.class), "tracking-service", EventJson.toBytes(event));
        }
    }

    /** Every envelope recipient and header recipient of every message the SMTP server accepted. */
    private static List<String> recipientsOfEveryMessage() throws Exception {
        List<String> recipients = new ArrayList<>();
        for (MimeMessage message : greenMail().getReceivedMessages()) {
            Address[] all = message.getAllRecipients();
            if (all != null) {
                Arrays.stream(all).map(Object::toString).forEach(recipients::add);
            }
        }
        return recipients;
    }

    private static List<MimeMessage> received(String email) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : greenMail().getReceivedMessages()) {
            if (Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().contains(email))) {
                found.add(message);
            }
        }
        return found;
    }

    /** SmtpInbox.Mail carries no headers: read them from the GreenMail server it wraps. */
    private static GreenMail greenMail() throws ReflectiveOperationException {
        java.lang.reflect.Field field = SmtpInbox.class.getDeclaredField("server");
        field.setAccessible(true);
        return (GreenMail) field.get(SmtpTestResource.inbox());
    }
}
