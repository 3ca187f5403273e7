package dev.postventa.notifications;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.EventJson;
import dev.postventa.events.EventTypes;
import dev.postventa.events.Money;
import dev.postventa.events.ReturnedLine;
import dev.postventa.events.Topics;
import dev.postventa.events.notifications.CustomerNotified;
import dev.postventa.events.refunds.RefundIssued;
import dev.postventa.events.returns.ReturnInTransit;
import dev.postventa.events.returns.ReturnReceived;
import dev.postventa.events.shipments.ReturnShipmentCreated;
import dev.postventa.infra.KafkaTestClient;
import dev.postventa.infra.PostventaTestResource;
import dev.postventa.infra.ServiceDatabase;
import dev.postventa.infra.SmtpInbox;
import dev.postventa.infra.SmtpTestResource;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Customers get one email per journey step, in their language, over real SMTP, whatever the redeliveries. */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
@QuarkusTestResource(SmtpTestResource.class)
class CustomerNotificationsTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void operationsEndpointsAreServed() {
        dev.postventa.infra.OperationsEndpoints.assertServed("/notifications");
    }

    @Test
    void theLabelEmailIsSentOnceInSpanishAndRecorded() {
        UUID returnId = UUID.randomUUID();
        String email = "ana+" + returnId + "@example.mx";
        String eventId = UUID.randomUUID().toString();
        labelCreated(returnId, contact(email, "es-MX"), eventId);
        labelCreated(returnId, contact(email, "es-MX"), eventId);

        SmtpInbox.Mail mail = SmtpTestResource.inbox().awaitMessages(m -> m.to().contains(email), 1, WAIT).get(0);
        assertThat(mail.subject()).isEqualTo("Tu devolución RMA-261122-ABC234 fue aprobada: aquí está tu guía");
        assertThat(mail.body()).contains("SIMMX000000000042").contains("Imprime tu guía");

        try (KafkaTestClient kafka = ServiceDatabase.kafka()) {
            CloudEvent notified = kafka.awaitCloudEvents(Topics.NOTIFICATIONS, e -> payload(e).returnId().equals(returnId),
                    1, WAIT).get(0);
            assertThat(notified.getSource().toString()).isEqualTo("notification-service");
            assertThat(notified.getSubject()).isEqualTo(payload(notified).notificationId().toString());
            assertThat(payload(notified).template()).isEqualTo("return-approved");
            assertThat(payload(notified).causationEventId()).isEqualTo(eventId);
        }
        awaitSent(returnId, 1);
        given().queryParam("returnId", returnId.toString()).when().get("/notifications").then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].status", equalTo("SENT"))
                .body("[0].locale", equalTo("es"))
                .body("[0].attempts", hasSize(1))
                .body("[0].attempts[0].outcome", equalTo("SENT"));
        // The redelivery was claimed and did nothing more.
        assertThat(SmtpTestResource.inbox().messages().stream().filter(m -> m.to().contains(email))).hasSize(1);
    }

    @Test
    void refundsAreAnnouncedInPortugueseAndUnknownLanguagesFallBackToEnglish() {
        UUID brazil = UUID.randomUUID();
        String brEmail = "joao+" + brazil + "@example.com.br";
        refundIssued(brazil, contact(brEmail, "pt-BR"), Money.of("1299.00", "BRL"));
        SmtpInbox.Mail br = SmtpTestResource.inbox().awaitMessages(m -> m.to().contains(brEmail), 1, WAIT).get(0);
        assertThat(br.subject()).isEqualTo("Seu reembolso de R$\u00a01.299,00 BRL foi emitido");

        UUID germany = UUID.randomUUID();
        String deEmail = "jonas+" + germany + "@example.de";
        refundIssued(germany, contact(deEmail, "de-DE"), Money.of("49.95", "EUR"));
        SmtpInbox.Mail de = SmtpTestResource.inbox().awaitMessages(m -> m.to().contains(deEmail), 1, WAIT).get(0);
        assertThat(de.subject()).startsWith("Your refund of").contains("49,95").endsWith("EUR is on its way");
    }

    @Test
    void anSmtpOutageIsRetriedUntilTheMessageGetsThroughOnce() {
        UUID returnId = UUID.randomUUID();
        String email = "lucia+" + returnId + "@example.es";
        SmtpInbox inbox = SmtpTestResource.inbox();
        inbox.stop();
        try {
            inTransit(returnId, contact(email, "es-ES"));
            await().atMost(WAIT).until(() -> ServiceDatabase.count("select count(*) from notification_attempt a "
                    + "join notification n on n.id = a.notification_id where n.return_id = ? and a.outcome = 'FAILED'",
                    returnId) >= 1);
        } finally {
            inbox.start();
        }
        SmtpInbox.Mail mail = inbox.awaitMessages(m -> m.to().contains(email), 1, WAIT).get(0);
        assertThat(mail.subject()).isEqualTo("Tu devolución RMA-261122-ABC234 va en camino");
        awaitSent(returnId, 1);
        given().queryParam("returnId", returnId.toString()).when().get("/notifications").then()
                .body("[0].status", equalTo("SENT"))
                .body("[0].attempts[0].outcome", equalTo("FAILED"))
                .body("[0].attempts[-1].outcome", equalTo("SENT"));
        assertThat(inbox.messages().stream().filter(m -> m.to().contains(email))).hasSize(1);
    }

    @Test
    void aWholeJourneyReachesTheCustomerInOrder() {
        UUID returnId = UUID.randomUUID();
        String email = "maria+" + returnId + "@example.mx";
        CustomerContact customer = contact(email, "es-MX");
        labelCreated(returnId, customer, UUID.randomUUID().toString());
        awaitSent(returnId, 1);
        inTransit(returnId, customer);
        awaitSent(returnId, 2);
        received(returnId, customer);
        awaitSent(returnId, 3);
        refundIssued(returnId, customer, Money.of("2298.80", "MXN"));
        awaitSent(returnId, 4);

        List<SmtpInbox.Mail> mails = SmtpTestResource.inbox().awaitMessages(m -> m.to().contains(email), 4, WAIT);
        assertThat(mails).extracting(SmtpInbox.Mail::subject).containsExactly(
                "Tu devolución RMA-261122-ABC234 fue aprobada: aquí está tu guía",
                "Tu devolución RMA-261122-ABC234 va en camino",
                "Recibimos tu devolución RMA-261122-ABC234",
                "Tu reembolso de $2,298.80 MXN está en camino");
        given().queryParam("returnId", returnId.toString()).when().get("/notifications").then()
                .body("template", equalTo(List.of("return-approved", "return-in-transit", "return-received",
                        "refund-issued")));
    }

    private static void awaitSent(UUID returnId, int count) {
        await().atMost(WAIT).until(() -> ServiceDatabase.count(
                "select count(*) from notification where return_id = ? and status = 'SENT'", returnId) == count);
    }

    private static CustomerContact contact(String email, String locale) {
        return new CustomerContact("cust-7", email, locale, locale.substring(locale.length() - 2));
    }

    private static void labelCreated(UUID returnId, CustomerContact customer, String eventId) {
        UUID shipmentId = UUID.randomUUID();
        send(Topics.SHIPMENTS, shipmentId.toString(), eventId, EventTypes.RETURN_SHIPMENT_CREATED, "tracking-service",
                new ReturnShipmentCreated(shipmentId, returnId, "RMA-261122-ABC234", "simulated", "SIMMX000000000042",
                        "https://labels.simulated-carrier.invalid/SIMMX000000000042.pdf", customer, Instant.now()));
    }

    private static void inTransit(UUID returnId, CustomerContact customer) {
        send(Topics.RETURNS, returnId.toString(), UUID.randomUUID().toString(), EventTypes.RETURN_IN_TRANSIT,
                "returns-service", new ReturnInTransit(returnId, "MX-1", "RMA-261122-ABC234", "SIMMX000000000042",
                        customer, Instant.now()));
    }

    private static void received(UUID returnId, CustomerContact customer) {
        send(Topics.RETURNS, returnId.toString(), UUID.randomUUID().toString(), EventTypes.RETURN_RECEIVED,
                "returns-service", new ReturnReceived(returnId, "MX-1", "RMA-261122-ABC234", customer,
                        List.of(new ReturnedLine("L1", "SKU-1", "Camisa", 2, Money.of("499.90", "MXN"), "DAMAGED"),
                                new ReturnedLine("L2", "SKU-2", "Tenis", 1, Money.of("1299.00", "MXN"), "DEFECTIVE")),
                        Instant.now()));
    }

    private static void refundIssued(UUID returnId, CustomerContact customer, Money amount) {
        UUID refundId = UUID.randomUUID();
        send(Topics.REFUNDS, refundId.toString(), UUID.randomUUID().toString(), EventTypes.REFUND_ISSUED,
                "refund-service", new RefundIssued(refundId, returnId, "MX-1", amount, "sim_re_123", customer,
                        Instant.now()));
    }

    private static void send(String topic, String key, String eventId, String type, String source, Object event) {
        try (KafkaTestClient kafka = ServiceDatabase.kafka()) {
            kafka.sendCloudEvent(topic, key, eventId, type, source, EventJson.toBytes(event));
        }
    }

    private static CustomerNotified payload(CloudEvent event) {
        return EventJson.fromBytes(event.getData().toBytes(), CustomerNotified.class);
    }
}
