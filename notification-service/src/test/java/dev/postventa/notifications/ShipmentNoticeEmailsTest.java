package dev.postventa.notifications;

import static dev.postventa.infra.Callers.asOps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.EventCatalog;
import dev.postventa.events.EventJson;
import dev.postventa.events.Topics;
import dev.postventa.events.shipments.ReturnLabelReminderDue;
import dev.postventa.events.shipments.ReturnShipmentException;
import dev.postventa.events.shipments.ReturnShipmentStalled;
import dev.postventa.events.shipments.ShipmentStatus;
import dev.postventa.infra.KafkaTestClient;
import dev.postventa.infra.PostventaTestResource;
import dev.postventa.infra.ServiceDatabase;
import dev.postventa.infra.SmtpInbox;
import dev.postventa.infra.SmtpTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The proactive shipment notices tracking-service emits reach the customer as one email per event over a real SMTP
 * server, in their language, however often the event is delivered (the same resources as
 * {@link CustomerNotificationsTest}, so the application is not restarted).
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
@QuarkusTestResource(SmtpTestResource.class)
class ShipmentNoticeEmailsTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String TRACKING = "SIMMX000000000077";
    static final String LABEL = "https://labels.simulated-carrier.invalid/SIMMX000000000077.pdf";

    @Test
    void everyNoticeIsOneEmailInTheCustomersLanguageEvenWhenRedelivered() {
        UUID returnId = UUID.randomUUID();
        UUID shipmentId = UUID.randomUUID();
        String email = "lucia+" + returnId + "@example.mx";
        CustomerContact customer = new CustomerContact("cust-9", email, "es-MX", "MX");
        Instant now = Instant.now();
        String reminderId = UUID.randomUUID().toString();

        try (KafkaTestClient kafka = ServiceDatabase.kafka()) {
            ReturnLabelReminderDue reminder = new ReturnLabelReminderDue(shipmentId, returnId, "RMA-77", "Estafeta",
                    TRACKING, LABEL, customer, now.minus(Duration.ofDays(5)), now);
            // At-least-once: the reminder arrives twice with the same event id.
            publish(kafka, shipmentId, reminderId, ReturnLabelReminderDue.class, reminder);
            publish(kafka, shipmentId, reminderId, ReturnLabelReminderDue.class, reminder);
            publish(kafka, shipmentId, UUID.randomUUID().toString(), ReturnShipmentStalled.class,
                    new ReturnShipmentStalled(shipmentId, returnId, "Estafeta", TRACKING, ShipmentStatus.LABEL_CREATED,
                            now.minus(Duration.ofDays(8)), "PT168H", customer, now));
            publish(kafka, shipmentId, UUID.randomUUID().toString(), ReturnShipmentStalled.class,
                    new ReturnShipmentStalled(shipmentId, returnId, "Estafeta", TRACKING, ShipmentStatus.IN_TRANSIT,
                            Instant.parse("2026-11-20T18:00:00Z"), "PT72H", customer, now));
            publish(kafka, shipmentId, UUID.randomUUID().toString(), ReturnShipmentException.class,
                    new ReturnShipmentException(shipmentId, returnId, "Estafeta", TRACKING,
                            ReturnShipmentException.DAMAGED, "package_damaged", null, customer, now, now));
        }

        List<SmtpInbox.Mail> mails = SmtpTestResource.inbox().awaitMessages(m -> m.to().contains(email), 4, WAIT);
        assertThat(mails).extracting(m -> m.subject().replace('\u00a0', ' ')).containsExactlyInAnyOrder(
                "Recuerda enviar tu devolución RMA-77",
                "Tu guía de devolución " + TRACKING + " sigue sin usarse",
                "Tu paquete de devolución " + TRACKING + " no se ha movido desde el 20 de noviembre de 2026",
                "Tu paquete de devolución " + TRACKING + " se dañó en el envío");
        assertThat(body(mails, "Recuerda")).contains(LABEL, "entrega el paquete a Estafeta");
        assertThat(body(mails, "se dañó")).contains("Estamos abriendo un reclamo", "tu reembolso no se ve afectado");

        await().atMost(WAIT).until(() -> ServiceDatabase.count(
                "select count(*) from notification where return_id = ? and status = 'SENT'", returnId) == 4);
        assertThat(ServiceDatabase.count("select count(*) from notification where causation_event_id = ?", reminderId))
                .isEqualTo(1);
        assertThat(SmtpTestResource.inbox().messages().stream().filter(m -> m.to().contains(email))).hasSize(4);
        asOps().queryParam("returnId", returnId.toString()).when().get("/notifications").then().statusCode(200)
                .body("template", containsInAnyOrder("label-reminder", "shipment-stalled-label",
                        "shipment-stalled-transit", "shipment-exception"));
    }

    private static void publish(KafkaTestClient kafka, UUID key, String eventId, Class<?> type, Object event) {
        kafka.sendCloudEvent(Topics.SHIPMENTS, key.toString(), eventId, EventCatalog.typeOf(type), "tracking-service",
                EventJson.toBytes(event));
    }

    private static String body(List<SmtpInbox.Mail> mails, String subjectPart) {
        return mails.stream().filter(m -> m.subject().contains(subjectPart)).findFirst().orElseThrow()
                .body().replace('\u00a0', ' ');
    }
}
