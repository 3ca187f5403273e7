package dev.postventa.notifications;

import static dev.postventa.infra.Callers.asCustomerOf;
import static dev.postventa.infra.Callers.asOps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.EventCatalog;
import dev.postventa.events.EventJson;
import dev.postventa.events.Money;
import dev.postventa.events.Topics;
import dev.postventa.events.refunds.RefundIssued;
import dev.postventa.events.returns.FeedbackRequested;
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
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The satisfaction survey (issue 11 §4) reaches the customer as an email with a text and an HTML part (real Kafka,
 * PostgreSQL and SMTP), once however often the event is delivered, and not at all to a customer who opted out of
 * non-essential messages.
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
@QuarkusTestResource(SmtpTestResource.class)
@QuarkusTestResource(TwilioStub.class)
class SatisfactionSurveyEmailsTest extends KafkaPerTestClass {

    static final Duration WAIT = Duration.ofSeconds(30);
    // 02:00 UTC on 23 December is still 22 December in Mexico City.
    static final Instant EXPIRES = Instant.parse("2026-12-23T02:00:00Z");

    @Test
    void theSurveyArrivesOnceAsTextAndHtmlWithItsLinkAndExpiryDate() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        UUID returnId = UUID.randomUUID();
        String email = "survey+" + suffix + "@example.mx";
        String survey = "https://shop.example.mx/survey/" + suffix + "?token=t." + suffix + "&src=email";
        CustomerContact customer = new CustomerContact("cust-survey-" + suffix, email, "es-MX", "MX");
        FeedbackRequested event = new FeedbackRequested(returnId, "MX-F-" + suffix, "RMA-F-" + suffix, customer, survey,
                EXPIRES, Instant.now());

        String eventId = UUID.randomUUID().toString();
        publish(returnId, eventId, event);
        publish(returnId, eventId, event);

        SmtpInbox.Mail mail = SmtpTestResource.inbox().awaitMessages(m -> m.to().contains(email), 1, WAIT).get(0);
        assertThat(mail.subject()).isEqualTo("¿Cómo te fue con tu devolución RMA-F-" + suffix + "?");
        assertThat(mail.body()).contains("Gracias por tu devolución RMA-F-" + suffix, survey,
                "El enlace funciona hasta el 22 de diciembre de 2026.");
        assertThat(mail.html()).as("the text/html part").isNotNull()
                .contains("<html lang=\"es\">", "<title>¿Cómo te fue con tu devolución RMA-F-" + suffix + "?</title>",
                        "<a href=\"" + survey.replace("&", "&amp;") + "\"", "Responder la encuesta</a>",
                        "hasta el 22 de diciembre de 2026.", "Equipo Postventa");
        await().atMost(WAIT).until(() -> ServiceDatabase.count("select count(*) from notification "
                + "where return_id = ? and template = 'feedback-requested' and status = 'SENT'", returnId) == 1);
        // The history keeps the text; the event delivered twice is one notification and one email.
        asOps().queryParam("returnId", returnId.toString()).get("/notifications").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].template", equalTo("feedback-requested"));
        assertThat(SmtpTestResource.inbox().messages().stream().filter(m -> m.to().contains(email))).hasSize(1);
    }

    @Test
    void aCustomerWhoOptedOutOfNonEssentialMessagesGetsNoSurvey() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String order = "MX-FO-" + suffix;
        CustomerContact customer = new CustomerContact("cust-optout-" + suffix, "optout+" + suffix + "@example.mx",
                "es-MX", "MX");
        // The service learns whose order it is from a first event (the refund, essential: sent anyway).
        UUID returnId = UUID.randomUUID();
        UUID refundId = UUID.randomUUID();
        publish(Topics.REFUNDS, refundId, UUID.randomUUID().toString(), RefundIssued.class, "refund-service",
                new RefundIssued(refundId, returnId, order, Money.of("499.90", "MXN"), "sim_re_f", customer,
                        Instant.now()));
        await().atMost(WAIT).until(() -> ServiceDatabase.count("select count(*) from notification "
                + "where return_id = ? and template = 'refund-issued' and status = 'SENT'", returnId) == 1);
        asCustomerOf(order).contentType("application/json")
                .body(Map.of("channels", List.of("email"), "optOutNonEssential", true))
                .put("/preferences").then().statusCode(200);

        String surveyEvent = UUID.randomUUID().toString();
        publish(returnId, surveyEvent, new FeedbackRequested(returnId, order, "RMA-FO-" + suffix, customer,
                "https://shop.example.mx/survey/" + suffix, EXPIRES, Instant.now()));

        // Consumed (claimed in the inbox), stored nowhere, sent to nobody.
        await().atMost(WAIT).until(() -> ServiceDatabase.count(
                "select count(*) from inbox_message where event_id = ?", surveyEvent) == 1);
        assertThat(ServiceDatabase.count("select count(*) from notification where causation_event_id = ?",
                surveyEvent)).isZero();
        asOps().queryParam("returnId", returnId.toString()).get("/notifications").then().statusCode(200)
                .body("template", equalTo(List.of("refund-issued")));
    }

    private static void publish(UUID returnId, String eventId, FeedbackRequested event) {
        publish(Topics.RETURNS, returnId, eventId, FeedbackRequested.class, "returns-service", event);
    }

    private static void publish(String topic, UUID key, String eventId, Class<?> type, String source, Object event) {
        kafka().sendCloudEvent(topic, key.toString(), eventId, EventCatalog.typeOf(type), source,
                EventJson.toBytes(event));
    }
}
