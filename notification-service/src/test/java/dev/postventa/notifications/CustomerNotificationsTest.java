package dev.postventa.notifications;

import static dev.postventa.infra.Callers.management;
import static dev.postventa.infra.Callers.anonymous;
import static dev.postventa.infra.Callers.asCustomerOf;
import static dev.postventa.infra.Callers.asOps;
import dev.postventa.events.EventCatalog;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.EventJson;
import dev.postventa.events.Money;
import dev.postventa.events.ReturnedLine;
import dev.postventa.events.Topics;
import dev.postventa.events.credit.StoreCreditIssued;
import dev.postventa.events.notifications.CustomerNotified;
import dev.postventa.events.returns.ExchangeConfirmed;
import dev.postventa.events.returns.ExchangeFallbackApplied;
import dev.postventa.events.returns.InspectedLine;
import dev.postventa.events.returns.ReturnCancelled;
import dev.postventa.events.returns.ReturnInspected;
import dev.postventa.events.returns.ReturnRejected;
import dev.postventa.events.refunds.RefundFailed;
import dev.postventa.events.refunds.RefundIssued;
import dev.postventa.events.returns.ReturnApproved;
import dev.postventa.events.returns.ReturnRequested;
import dev.postventa.events.returns.ReturnInTransit;
import dev.postventa.events.returns.ReturnReceived;
import dev.postventa.events.shipments.ReturnShipmentCreated;
import dev.postventa.events.shipments.ShipmentStatus;
import dev.postventa.events.shipments.ShipmentStatusChanged;
import dev.postventa.infra.KafkaTestClient;
import dev.postventa.infra.OperationsEndpoints;
import dev.postventa.infra.PostventaTestResource;
import dev.postventa.infra.ServiceDatabase;
import dev.postventa.infra.SmtpInbox;
import dev.postventa.infra.SmtpTestResource;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Customers get one email per journey step, in their language, over a real SMTP server, whatever the redeliveries
 * and outages; every attempt is on record and each delivered message is announced as {@code CustomerNotified}.
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
@QuarkusTestResource(SmtpTestResource.class)
class CustomerNotificationsTest extends KafkaPerTestClass {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String RMA = "RMA-261122-ABC234";
    static final String TRACKING = "SIMMX000000000042";
    static final String LABEL = "https://labels.simulated-carrier.invalid/SIMMX000000000042.pdf";
    /** Test profile: 6 attempts, waits doubling from 200 ms up to 800 ms. */
    static final int MAX_ATTEMPTS = 6;


    @Test
    void theApiIsDocumentedAndRefusesAMalformedReturnId() {
        OperationsEndpoints.assertServed("/notifications");
        for (String malformed : List.of("not-a-uuid", "1-2-3-4-5", "")) {
            asOps().queryParam("returnId", malformed).when().get("/notifications").then().statusCode(400)
                    .header("Content-Type", startsWith("application/problem+json"))
                    .body("status", equalTo(400))
                    .body("violations[0].field", equalTo("returnId"));
        }
        asOps().when().get("/notifications").then().statusCode(400)
                .header("Content-Type", startsWith("application/problem+json"));
        asOps().queryParam("returnId", UUID.randomUUID().toString()).when().get("/notifications").then()
                .statusCode(200).body("", hasSize(0));
    }

    @Test
    void aReturnsNotificationsAreShownToItsOrdersCustomerOnly() {
        UUID returnId = UUID.randomUUID();
        String email = "rosa+" + returnId + "@example.mx";
        CustomerContact customer = contact(email, "es-MX", "MX");
        UUID shipmentId = UUID.randomUUID();
        publish(Topics.RETURNS, returnId, UUID.randomUUID().toString(), EventCatalog.typeOf(ReturnApproved.class),
                "returns-service", new ReturnApproved(returnId, "MX-7", RMA, customer,
                        List.of(line("499.90", "MXN", 1)), Instant.now()));
        // The label event names no order: the approval told whose the return is.
        publish(Topics.SHIPMENTS, shipmentId, UUID.randomUUID().toString(), EventCatalog.typeOf(ReturnShipmentCreated.class),
                "tracking-service", new ReturnShipmentCreated(shipmentId, returnId, RMA, "Estafeta", TRACKING, LABEL,
                        customer, Instant.now()));
        awaitSent(returnId, 1);
        await().atMost(WAIT).until(() -> ServiceDatabase.count(
                "select count(*) from return_order where return_id = ?", returnId) == 1);

        asCustomerOf("MX-7").queryParam("returnId", returnId.toString()).get("/notifications").then()
                .statusCode(200).body("template", equalTo(List.of("return-approved")));
        asCustomerOf("MX-8").queryParam("returnId", returnId.toString()).get("/notifications").then()
                .statusCode(200).body("", hasSize(0));
        anonymous().queryParam("returnId", returnId.toString()).get("/notifications").then()
                .statusCode(401).contentType(org.hamcrest.Matchers.startsWith("application/problem+json"));
    }

    @Test
    void theLabelEmailReachesTheCustomerOnceInSpanishHoweverOftenTheEventIsDelivered() {
        UUID returnId = UUID.randomUUID();
        String email = "ana+" + returnId + "@example.mx";
        UUID shipmentId = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        ReturnShipmentCreated created = new ReturnShipmentCreated(shipmentId, returnId, RMA, "Estafeta", TRACKING, LABEL,
                contact(email, "es-MX", "MX"), Instant.now());
        double duplicatesBefore = counter("postventa_events_duplicate_total", EventCatalog.typeOf(ReturnShipmentCreated.class));

        // The relay is at-least-once: the same event twice in a row, and once more after the email went out.
        publish(Topics.SHIPMENTS, shipmentId, eventId, EventCatalog.typeOf(ReturnShipmentCreated.class), "tracking-service", created);
        publish(Topics.SHIPMENTS, shipmentId, eventId, EventCatalog.typeOf(ReturnShipmentCreated.class), "tracking-service", created);
        SmtpInbox.Mail mail = inbox().awaitMessages(to(email), 1, WAIT).get(0);
        awaitSent(returnId, 1);
        publish(Topics.SHIPMENTS, shipmentId, eventId, EventCatalog.typeOf(ReturnShipmentCreated.class), "tracking-service", created);
        await().atMost(WAIT).until(() -> counter("postventa_events_duplicate_total",
                EventCatalog.typeOf(ReturnShipmentCreated.class)) >= duplicatesBefore + 2);

        assertThat(mail.subject()).isEqualTo("Tu devolución RMA-261122-ABC234 fue aprobada: aquí está tu guía");
        assertThat(mail.from()).contains("no-reply@postventa.local");
        assertThat(mail.body()).contains("Aprobamos tu devolución " + RMA, "entrega el paquete a Estafeta", LABEL,
                "Número de rastreo: " + TRACKING);

        String notificationId = asOps().queryParam("returnId", returnId.toString()).when().get("/notifications").then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].template", equalTo("return-approved"))
                .body("[0].channel", equalTo("email"))
                .body("[0].locale", equalTo("es"))
                .body("[0].recipient", equalTo(email))
                .body("[0].subject", equalTo(mail.subject()))
                .body("[0].status", equalTo("SENT"))
                .body("[0].createdAt", notNullValue())
                .body("[0].sentAt", notNullValue())
                .body("[0].attempts", hasSize(1))
                .body("[0].attempts[0].attempt", equalTo(1))
                .body("[0].attempts[0].at", notNullValue())
                .body("[0].attempts[0].outcome", equalTo("SENT"))
                .body("[0].attempts[0].error", nullValue())
                .extract().path("[0].id");

        ConsumerRecord<String, byte[]> record = kafka().awaitRecords(Topics.NOTIFICATIONS,
                r -> notificationId.equals(r.key()), 1, WAIT).get(0);
        CloudEvent event = cloudEvent(record);
        assertThat(event.getSpecVersion()).isEqualTo(SpecVersion.V1);
        assertThat(event.getType()).isEqualTo(EventCatalog.typeOf(CustomerNotified.class));
        assertThat(event.getSource()).hasToString("notification-service");
        assertThat(event.getSubject()).isEqualTo(notificationId);
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        CustomerNotified notified = EventJson.fromBytes(event.getData().toBytes(), CustomerNotified.class);
        assertThat(notified.notificationId()).hasToString(notificationId);
        assertThat(notified.returnId()).isEqualTo(returnId);
        assertThat(notified.channel()).isEqualTo("email");
        assertThat(notified.template()).isEqualTo("return-approved");
        assertThat(notified.locale()).isEqualTo("es");
        assertThat(notified.recipient()).isEqualTo(email);
        assertThat(notified.causationEventId()).isEqualTo(eventId);
        assertThat(notified.sentAt()).isNotNull();
        assertThat(kafka().readAll(Topics.NOTIFICATIONS, r -> notificationId.equals(r.key()), Duration.ofSeconds(2)))
                .hasSize(1);
        assertThat(inbox().messages().stream().filter(to(email))).hasSize(1);
        assertThat(messageIds(email)).containsExactly("<" + notificationId + "@postventa.local>");
        assertThat(ServiceDatabase.count("select count(*) from notification where causation_event_id = ?", eventId))
                .isEqualTo(1);
        assertThat(ServiceDatabase.count("select count(*) from notification_attempt where notification_id = ?",
                UUID.fromString(notificationId))).isEqualTo(1);
    }

    @Test
    void everyMessageIsWrittenInTheCustomersLanguageWithTheirWayOfWritingMoney() {
        Journey brazil = Journey.of("joao", "pt-BR", "BR", Money.of("1299.00", "BRL"));
        Journey spain = Journey.of("lucia", "es-ES", "ES", Money.of("49.95", "EUR"));
        Journey germany = Journey.of("jonas", "de-DE", "DE", Money.of("49.95", "EUR"));
        for (Journey journey : List.of(brazil, spain, germany)) {
            journey.everyCustomerFacingEvent();
        }

        assertThat(subjects(brazil)).containsExactlyInAnyOrder(
                "Sua devolução RMA-261122-ABC234 foi aprovada: aqui está a sua etiqueta",
                "Sua devolução RMA-261122-ABC234 está a caminho",
                "Recebemos a sua devolução RMA-261122-ABC234",
                "Seu reembolso de R$ 1.299,00 foi emitido",
                "Não conseguimos concluir o seu reembolso de R$ 1.299,00");
        assertThat(subjects(spain)).containsExactlyInAnyOrder(
                "Tu devolución RMA-261122-ABC234 fue aprobada: aquí está tu guía",
                "Tu devolución RMA-261122-ABC234 va en camino",
                "Recibimos tu devolución RMA-261122-ABC234",
                "Tu reembolso de 49,95 € está en camino",
                "No pudimos completar tu reembolso de 49,95 €");
        // No German templates: English, with the amount still written the German way.
        assertThat(subjects(germany)).containsExactlyInAnyOrder(
                "Your return RMA-261122-ABC234 is approved: here is your label",
                "Your return RMA-261122-ABC234 is on its way",
                "We received your return RMA-261122-ABC234",
                "Your refund of 49,95 € is on its way",
                "We could not complete your refund of 49,95 €");

        assertThat(body(brazil, "Seu reembolso")).contains("Reembolsamos R$ 1.299,00", "referência sim_re_123");
        assertThat(body(brazil, "Recebemos")).contains("(2 itens)", "reembolso de R$ 1.299,00");
        assertThat(body(spain, "No pudimos")).contains("(tarjeta vencida)");
        assertThat(body(germany, "is approved")).contains("Tracking number: " + TRACKING, LABEL);
        for (Journey journey : List.of(brazil, spain, germany)) {
            awaitSent(journey.returnId, 5);
        }
        asOps().queryParam("returnId", brazil.returnId.toString()).when().get("/notifications").then()
                .body("locale", everyItem(equalTo("pt-BR")));
        asOps().queryParam("returnId", spain.returnId.toString()).when().get("/notifications").then()
                .body("locale", everyItem(equalTo("es")));
        asOps().queryParam("returnId", germany.returnId.toString()).when().get("/notifications").then()
                .body("locale", everyItem(equalTo("en")));
    }

    @Test
    void everyNewOutcomeOfAReturnReachesTheCustomerAndAFullAcceptanceSaysNothing() {
        String email = "carmen+" + UUID.randomUUID() + "@example.mx";
        CustomerContact customer = contact(email, "es-MX", "MX");
        UUID rejected = UUID.randomUUID();
        UUID cancelled = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        UUID exchanged = UUID.randomUUID();
        UUID inspected = UUID.randomUUID();
        UUID credited = UUID.randomUUID();
        UUID refunded = UUID.randomUUID();
        Instant now = Instant.now();

        returnEvent(rejected, ReturnRejected.class, new ReturnRejected(rejected, "MX-20", customer,
                List.of(line("499.90", "MXN", 1)), "el sello de la caja está roto", now));
        returnEvent(cancelled, ReturnCancelled.class, new ReturnCancelled(cancelled, "MX-21", RMA, TRACKING, customer,
                now));
        returnEvent(kept, ReturnApproved.class, new ReturnApproved(kept, "MX-22", RMA, customer, List.of(
                new ReturnedLine("L1", "SKU-SOCKS", "Calcetines", 2, Money.of("74.95", "MXN"), "NO_LONGER_NEEDED",
                        "accessories", ReturnedLine.REFUND, null, null, null, null, true)), now, true));
        returnEvent(exchanged, ExchangeConfirmed.class, new ExchangeConfirmed(exchanged, "MX-23", "L1", "SKU-SHIRT-L", 1,
                "res-77", customer, now));
        returnEvent(exchanged, ExchangeFallbackApplied.class, new ExchangeFallbackApplied(exchanged, "MX-23", "L2",
                "SKU-CAP-RED", ReturnedLine.STORE_CREDIT, "out_of_stock", customer, now));
        // Same key, same partition: the full acceptance is handled before the partial one that follows it.
        returnEvent(inspected, ReturnInspected.class, new ReturnInspected(inspected, "MX-24", RMA, customer, List.of(
                new InspectedLine("L1", "SKU-1", "Camisa", 2, 2, InspectedLine.RESELLABLE, null, Money.zero("MXN"))),
                true, now));
        returnEvent(inspected, ReturnInspected.class, new ReturnInspected(inspected, "MX-24", RMA, customer, List.of(
                new InspectedLine("L1", "SKU-1", "Camisa", 2, 1, InspectedLine.DAMAGED, "mancha de tinta",
                        Money.of("50.00", "MXN"))), false, now));
        UUID account = UUID.randomUUID();
        publish(Topics.STORE_CREDIT, account, UUID.randomUUID().toString(), EventCatalog.typeOf(StoreCreditIssued.class),
                "refund-service", new StoreCreditIssued(account, UUID.randomUUID(), credited, "MX-25",
                        Money.of("549.89", "MXN"), Money.of("49.99", "MXN"), Money.of("600.00", "MXN"), customer,
                        Instant.parse("2027-05-31T12:00:00Z"), now));
        UUID refundId = UUID.randomUUID();
        publish(Topics.REFUNDS, refundId, UUID.randomUUID().toString(), EventCatalog.typeOf(RefundIssued.class),
                "refund-service", new RefundIssued(refundId, refunded, "MX-26", Money.of("449.90", "MXN"), "sim_re_9",
                        customer, now, Money.of("50.00", "MXN")));

        List<SmtpInbox.Mail> mails = inbox().awaitMessages(to(email), 8, WAIT);
        assertThat(mails).extracting(m -> m.subject().replace('\u00a0', ' ')).containsExactlyInAnyOrder(
                "Tu solicitud de devolución del pedido MX-20 no fue aprobada",
                "Tu devolución del pedido MX-21 fue cancelada",
                "Tu devolución " + RMA + " fue aprobada: quédate con los artículos",
                "Tu cambio está apartado: SKU-SHIRT-L",
                "No pudimos apartar SKU-CAP-RED: recibirás crédito en tienda",
                "Aceptamos 1 de 2 artículos de tu devolución " + RMA,
                "Tu crédito en tienda de $549.89 MXN ya está disponible",
                "Tu reembolso de $449.90 MXN está en camino");
        assertThat(mailBody(mails, "no fue aprobada")).contains("no pudimos aprobarla: el sello de la caja está roto");
        assertThat(mailBody(mails, "fue cancelada")).contains("No se cobrará, reembolsará ni acreditará nada",
                "La guía de envío " + TRACKING + " quedó anulada");
        assertThat(mailBody(mails, "quédate con")).contains("No necesitas enviarnos los 2 artículos: quédatelos.",
                "Tu reembolso de $149.90 MXN está en camino");
        assertThat(mailBody(mails, "Tu cambio")).contains("apartamos 1 unidad de SKU-SHIRT-L");
        assertThat(mailBody(mails, "No pudimos apartar")).contains("(se agotó)",
                "recibirás crédito en tienda por el artículo");
        assertThat(mailBody(mails, "Aceptamos")).contains("- Camisa: aceptamos 1 de 2, dañado (mancha de tinta)",
                "el resto no");
        assertThat(mailBody(mails, "crédito en tienda de")).contains("con un bono de $49.99 MXN incluido",
                "Tu saldo ahora es de $600.00 MXN.", "hasta el 31 de mayo de 2027");
        assertThat(mailBody(mails, "Tu reembolso de")).contains("Se descontó una tarifa de reposición de $50.00 MXN.");

        awaitSent(inspected, 1);
        asOps().queryParam("returnId", inspected.toString()).when().get("/notifications").then()
                .body("template", equalTo(List.of("return-partially-accepted")));
        asOps().queryParam("returnId", kept.toString()).when().get("/notifications").then()
                .body("template", equalTo(List.of("return-kept")));
        asOps().queryParam("returnId", credited.toString()).when().get("/notifications").then()
                .body("template", equalTo(List.of("store-credit-issued")));
        // The credit event told whose the return is: its customer may read its notifications.
        asCustomerOf("MX-25").queryParam("returnId", credited.toString()).get("/notifications").then()
                .statusCode(200).body("", hasSize(1));
    }

    @Test
    void aNewOutcomeDeliveredTwiceIsToldOnce() {
        UUID returnId = UUID.randomUUID();
        String email = "ines+" + returnId + "@example.mx";
        String eventId = UUID.randomUUID().toString();
        ReturnCancelled cancelled = new ReturnCancelled(returnId, "MX-30", null, null, contact(email, "es-MX", "MX"),
                Instant.now());
        double duplicatesBefore = counter("postventa_events_duplicate_total", EventCatalog.typeOf(ReturnCancelled.class));
        publish(Topics.RETURNS, returnId, eventId, EventCatalog.typeOf(ReturnCancelled.class), "returns-service", cancelled);
        publish(Topics.RETURNS, returnId, eventId, EventCatalog.typeOf(ReturnCancelled.class), "returns-service", cancelled);
        awaitSent(returnId, 1);
        await().atMost(WAIT).until(() -> counter("postventa_events_duplicate_total",
                EventCatalog.typeOf(ReturnCancelled.class)) >= duplicatesBefore + 1);
        assertThat(inbox().awaitMessages(to(email), 1, WAIT).get(0).body())
                .contains("cancelamos tu devolución del pedido MX-30", "Si imprimiste una guía");
        assertThat(ServiceDatabase.count("select count(*) from notification where causation_event_id = ?", eventId))
                .isEqualTo(1);
    }

    private static void returnEvent(UUID returnId, Class<?> type, Object event) {
        publish(Topics.RETURNS, returnId, UUID.randomUUID().toString(), EventCatalog.typeOf(type), "returns-service",
                event);
    }

    private static String mailBody(List<SmtpInbox.Mail> mails, String subjectPart) {
        return mails.stream().filter(m -> m.subject().replace('\u00a0', ' ').contains(subjectPart)).findFirst()
                .orElseThrow().body().replace('\u00a0', ' ');
    }

    @Test
    void anSmtpOutageIsRetriedUntilTheMessageGetsThroughOnce() {
        UUID returnId = UUID.randomUUID();
        String email = "lucia+" + returnId + "@example.es";
        SmtpInbox inbox = inbox();
        inbox.stop();
        try {
            inTransit(returnId, contact(email, "es-ES", "ES"));
            // Two attempts failed and are on record; the worker tries again later, waiting longer each time.
            await().atMost(WAIT).until(() -> attempts(returnId, "FAILED") >= 2);
            assertThat(inbox.messages().stream().filter(to(email))).isEmpty();
        } finally {
            inbox.start();
        }

        SmtpInbox.Mail mail = inbox.awaitMessages(to(email), 1, WAIT).get(0);
        assertThat(mail.subject()).isEqualTo("Tu devolución RMA-261122-ABC234 va en camino");
        awaitSent(returnId, 1);
        String notificationId = asOps().queryParam("returnId", returnId.toString()).when().get("/notifications")
                .then().extract().path("[0].id");
        List<String> outcomes = asOps().queryParam("returnId", returnId.toString()).when().get("/notifications").then()
                .body("[0].status", equalTo("SENT"))
                .body("[0].failureReason", nullValue())
                .body("[0].attempts[0].error", notNullValue())
                .extract().path("[0].attempts.outcome");
        assertThat(outcomes).hasSizeGreaterThan(2).hasSizeLessThanOrEqualTo(MAX_ATTEMPTS).endsWith("SENT");
        assertThat(outcomes.subList(0, outcomes.size() - 1)).containsOnly("FAILED");
        List<Integer> numbers = asOps().queryParam("returnId", returnId.toString()).when().get("/notifications")
                .then().extract().path("[0].attempts.attempt");
        assertThat(numbers).isEqualTo(IntStream.rangeClosed(1, outcomes.size()).boxed().toList());
        assertThat(inbox.messages().stream().filter(to(email))).hasSize(1);
        // The Message-ID every attempt used: the notification's, so a copy would be recognised.
        assertThat(messageIds(email)).containsExactly("<" + notificationId + "@postventa.local>");
        assertThat(kafka().awaitRecords(Topics.NOTIFICATIONS, r -> notificationId.equals(r.key()), 1, WAIT))
                .hasSize(1);
    }

    @Test
    void aMessageThatNeverGetsThroughIsGivenUpAfterTheLastAttempt() {
        UUID returnId = UUID.randomUUID();
        String email = "pedro+" + returnId + "@example.mx";
        double exhaustedBefore = effectAttempts("exhausted");
        double retriesBefore = effectAttempts("retry");
        SmtpInbox inbox = inbox();
        inbox.stop();
        try {
            refundFailed(returnId, contact(email, "es-MX", "MX"), Money.of("350.00", "MXN"));
            await().atMost(WAIT).until(() -> ServiceDatabase.count(
                    "select count(*) from notification where return_id = ? and status = 'FAILED'", returnId) == 1);
        } finally {
            inbox.start();
        }
        asOps().queryParam("returnId", returnId.toString()).when().get("/notifications").then()
                .body("[0].status", equalTo("FAILED"))
                .body("[0].sentAt", nullValue())
                .body("[0].failureReason", startsWith("gave up after " + MAX_ATTEMPTS + " attempts"))
                .body("[0].attempts", hasSize(MAX_ATTEMPTS))
                .body("[0].attempts.attempt", equalTo(IntStream.rangeClosed(1, MAX_ATTEMPTS).boxed().toList()))
                .body("[0].attempts.outcome", everyItem(equalTo("FAILED")));
        // Given up: started again, the server gets nothing, and nothing is announced.
        assertThat(pendingEmailEffects(returnId)).isZero();
        assertThat(inbox.messages().stream().filter(to(email))).isEmpty();
        assertThat(effectAttempts("exhausted")).isGreaterThanOrEqualTo(exhaustedBefore + 1);
        assertThat(effectAttempts("retry")).isGreaterThanOrEqualTo(retriesBefore + MAX_ATTEMPTS - 1);
    }

    @Test
    void anAddressNoServerWillTakeIsGivenUpAtOnce() {
        UUID returnId = UUID.randomUUID();
        String notAnAddress = "pedro at example.mx " + returnId;

        refundIssued(returnId, contact(notAnAddress, "es-MX", "MX"), Money.of("350.00", "MXN"));

        await().atMost(WAIT).until(() -> ServiceDatabase.count(
                "select count(*) from notification where return_id = ? and status = 'FAILED'", returnId) == 1);
        asOps().queryParam("returnId", returnId.toString()).when().get("/notifications").then()
                .body("[0].recipient", equalTo(notAnAddress))
                .body("[0].failureReason", startsWith("invalid recipient address"))
                .body("[0].attempts", hasSize(1))
                .body("[0].attempts[0].outcome", equalTo("FAILED"))
                .body("[0].attempts[0].error", startsWith("invalid recipient address"));
        assertThat(pendingEmailEffects(returnId)).isZero();
    }

    @Test
    void aWholeJourneyReachesTheCustomerInOrder() {
        UUID returnId = UUID.randomUUID();
        String email = "maria+" + returnId + "@example.mx";
        CustomerContact customer = contact(email, "es-MX", "MX");
        labelCreated(returnId, customer);
        awaitSent(returnId, 1);
        inTransit(returnId, customer);
        awaitSent(returnId, 2);
        received(returnId, customer, List.of(line("499.90", "MXN", 2), line("1299.00", "MXN", 1)));
        awaitSent(returnId, 3);
        refundIssued(returnId, customer, Money.of("2298.80", "MXN"));
        awaitSent(returnId, 4);

        List<SmtpInbox.Mail> mails = inbox().awaitMessages(to(email), 4, WAIT);
        assertThat(mails).extracting(SmtpInbox.Mail::subject).containsExactly(
                "Tu devolución RMA-261122-ABC234 fue aprobada: aquí está tu guía",
                "Tu devolución RMA-261122-ABC234 va en camino",
                "Recibimos tu devolución RMA-261122-ABC234",
                "Tu reembolso de $2,298.80 MXN está en camino");
        assertThat(mails.get(2).body()).contains("(3 artículos)", "reembolso de $2,298.80 MXN");
        asOps().queryParam("returnId", returnId.toString()).when().get("/notifications").then()
                .body("template", equalTo(List.of("return-approved", "return-in-transit", "return-received",
                        "refund-issued")))
                .body("status", equalTo(List.of("SENT", "SENT", "SENT", "SENT")));
    }

    @Test
    void aGuestWithoutLocaleGetsEveryEmailInTheLanguageOfTheirCountry() {
        UUID returnId = UUID.randomUUID();
        String email = "convidado+" + returnId + "@example.br";
        // As a producer that follows the contract may send it: a guest checkout (no customer id) and no locale.
        CustomerContact guest = new CustomerContact(null, email, "pt-BR", "BR");
        UUID shipmentId = UUID.randomUUID();
        UUID refundId = UUID.randomUUID();
        publishAsGuestWithoutLocale(Topics.SHIPMENTS, shipmentId, ReturnShipmentCreated.class, "tracking-service",
                new ReturnShipmentCreated(shipmentId, returnId, RMA, "Correios", TRACKING, LABEL, guest, Instant.now()));
        awaitSent(returnId, 1);
        publishAsGuestWithoutLocale(Topics.RETURNS, returnId, ReturnReceived.class, "returns-service",
                new ReturnReceived(returnId, "BR-1", RMA, guest, List.of(line("649.50", "BRL", 2)), Instant.now()));
        awaitSent(returnId, 2);
        publishAsGuestWithoutLocale(Topics.REFUNDS, refundId, RefundIssued.class, "refund-service",
                new RefundIssued(refundId, returnId, "BR-1", Money.of("1299.00", "BRL"), "sim_re_123", guest,
                        Instant.now()));
        awaitSent(returnId, 3);

        assertThat(inbox().awaitMessages(to(email), 3, WAIT))
                .extracting(m -> m.subject().replace('\u00a0', ' ')).containsExactly(
                        "Sua devolução RMA-261122-ABC234 foi aprovada: aqui está a sua etiqueta",
                        "Recebemos a sua devolução RMA-261122-ABC234",
                        "Seu reembolso de R$ 1.299,00 foi emitido");
        asOps().queryParam("returnId", returnId.toString()).when().get("/notifications").then()
                .body("locale", equalTo(List.of("pt-BR", "pt-BR", "pt-BR")))
                .body("status", equalTo(List.of("SENT", "SENT", "SENT")));
        assertThat(kafka().readAll(Topics.deadLetter("notification-service"),
                r -> returnId.toString().equals(r.key()) || shipmentId.toString().equals(r.key())
                        || refundId.toString().equals(r.key()), Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void eventsTheCustomerIsNotToldAboutAreSkippedAndUnusableOnesDeadLettered() {
        UUID returnId = UUID.randomUUID();
        String email = "sofia+" + returnId + "@example.mx";
        CustomerContact customer = contact(email, "es-MX", "MX");
        UUID shipmentId = UUID.randomUUID();
        double requestedBefore = counter("postventa_events_skipped_total", EventCatalog.typeOf(ReturnRequested.class));
        double scannedBefore = counter("postventa_events_skipped_total", EventCatalog.typeOf(ShipmentStatusChanged.class));

        publish(Topics.RETURNS, returnId, UUID.randomUUID().toString(), EventCatalog.typeOf(ReturnRequested.class), "returns-service",
                new ReturnRequested(returnId, "MX-1", customer, List.of(line("499.90", "MXN", 1)), null, Instant.now()));
        // The approval tells nothing to the customer; it only tells whose the return is.
        publish(Topics.RETURNS, returnId, UUID.randomUUID().toString(), EventCatalog.typeOf(ReturnApproved.class), "returns-service",
                new ReturnApproved(returnId, "MX-1", RMA, customer, List.of(line("499.90", "MXN", 1)), Instant.now()));
        publish(Topics.SHIPMENTS, shipmentId, UUID.randomUUID().toString(), EventCatalog.typeOf(ShipmentStatusChanged.class),
                "tracking-service", new ShipmentStatusChanged(shipmentId, returnId, TRACKING, ShipmentStatus.IN_TRANSIT,
                        ShipmentStatus.LABEL_CREATED, "PU", "CDMX", Instant.now()));
        // Customer-facing, but nobody to write to; and a record that is no CloudEvent at all.
        publish(Topics.RETURNS, returnId, UUID.randomUUID().toString(), EventCatalog.typeOf(ReturnInTransit.class), "returns-service",
                new ReturnInTransit(returnId, "MX-1", RMA, TRACKING, null, Instant.now()));
        String garbageKey = UUID.randomUUID().toString();
        kafka().send(Topics.REFUNDS, garbageKey, "{\"refund\":".getBytes(), Map.of());

        await().atMost(WAIT).until(() -> counter("postventa_events_skipped_total", EventCatalog.typeOf(ReturnRequested.class))
                >= requestedBefore + 1
                && ServiceDatabase.count("select count(*) from return_order where return_id = ? and order_id = 'MX-1'",
                        returnId) == 1
                && counter("postventa_events_skipped_total", EventCatalog.typeOf(ShipmentStatusChanged.class)) >= scannedBefore + 1);
        List<ConsumerRecord<String, byte[]>> dead = kafka().awaitRecords(Topics.deadLetter("notification-service"),
                r -> returnId.toString().equals(r.key()) || garbageKey.equals(r.key()), 2, WAIT);
        assertThat(dead).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(returnId.toString(), garbageKey);
        assertThat(dead).allSatisfy(r -> assertThat(KafkaTestClient.header(r, "dead-letter-reason")).isNotBlank());
        assertThat(ServiceDatabase.count("select count(*) from notification where return_id = ?", returnId)).isZero();
        assertThat(inbox().messages().stream().filter(to(email))).isEmpty();
    }

    /** One customer's return with every customer-facing event, in one locale and currency. */
    record Journey(UUID returnId, String email, CustomerContact customer, Money amount) {

        static Journey of(String name, String locale, String country, Money amount) {
            UUID returnId = UUID.randomUUID();
            String email = name + "+" + returnId + "@example." + country.toLowerCase();
            return new Journey(returnId, email, contact(email, locale, country), amount);
        }

        void everyCustomerFacingEvent() {
            labelCreated(returnId, customer);
            inTransit(returnId, customer);
            String unitPrice = amount.amount().divide(java.math.BigDecimal.valueOf(2)).toPlainString();
            received(returnId, customer, List.of(line(unitPrice, amount.currency(), 2)));
            refundIssued(returnId, customer, amount);
            refundFailed(returnId, customer, amount);
        }
    }

    private static List<String> subjects(Journey journey) {
        return inbox().awaitMessages(to(journey.email()), 5, WAIT).stream()
                .map(m -> m.subject().replace('\u00a0', ' ')).toList();
    }

    private static String body(Journey journey, String subjectPart) {
        return inbox().awaitMessages(to(journey.email()), 5, WAIT).stream()
                .filter(m -> m.subject().contains(subjectPart)).findFirst().orElseThrow()
                .body().replace('\u00a0', ' ');
    }

    private static void awaitSent(UUID returnId, int count) {
        await().atMost(WAIT).until(() -> ServiceDatabase.count(
                "select count(*) from notification where return_id = ? and status = 'SENT'", returnId) == count);
    }

    /** Email effects of the return's notifications still owed (PENDING). */
    private static long pendingEmailEffects(UUID returnId) {
        return ServiceDatabase.count("select count(*) from pending_effect e join notification n "
                + "on e.effect_key = n.id::text where e.kind = 'email' and e.status = 'PENDING' and n.return_id = ?",
                returnId);
    }

    /**
     * The Message-ID headers of the emails the SMTP server accepted for {@code email}. SmtpInbox.Mail does not carry
     * headers, so they are read from the GreenMail server it wraps.
     */
    private static List<String> messageIds(String email) {
        try {
            java.lang.reflect.Field field = SmtpInbox.class.getDeclaredField("server");
            field.setAccessible(true);
            com.icegreen.greenmail.util.GreenMail server = (com.icegreen.greenmail.util.GreenMail) field.get(inbox());
            List<String> ids = new java.util.ArrayList<>();
            for (jakarta.mail.internet.MimeMessage message : server.getReceivedMessages()) {
                if (java.util.Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().contains(email))) {
                    ids.add(message.getMessageID());
                }
            }
            return ids;
        } catch (ReflectiveOperationException | jakarta.mail.MessagingException e) {
            throw new IllegalStateException("cannot read the SMTP server's messages", e);
        }
    }

    private static long attempts(UUID returnId, String outcome) {
        return ServiceDatabase.count("select count(*) from notification_attempt a join notification n "
                + "on n.id = a.notification_id where n.return_id = ? and a.outcome = ?", returnId, outcome);
    }

    /** A counter of this service's consumer for one event type, as operations read it on /q/metrics. */
    private static double counter(String metric, String eventType) {
        String metrics = management().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(line -> line.startsWith(metric + "{") && line.contains("consumer=\"notification-service\"")
                        && line.contains("type=\"" + eventType + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** Email attempts with one outcome, as operations read them on /q/metrics. */
    private static double effectAttempts(String outcome) {
        String metrics = management().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(line -> line.startsWith("postventa_effects_attempts_total{") && line.contains("kind=\"email\"")
                        && line.contains("outcome=\"" + outcome + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static SmtpInbox inbox() {
        return SmtpTestResource.inbox();
    }

    private static Predicate<SmtpInbox.Mail> to(String email) {
        return mail -> mail.to().contains(email);
    }

    private static CustomerContact contact(String email, String locale, String country) {
        return new CustomerContact("cust-7", email, locale, country);
    }

    private static ReturnedLine line(String unitPrice, String currency, int quantity) {
        return new ReturnedLine("L" + quantity, "SKU-" + quantity, "Camisa", quantity, Money.of(unitPrice, currency),
                "DAMAGED");
    }

    private static void labelCreated(UUID returnId, CustomerContact customer) {
        UUID shipmentId = UUID.randomUUID();
        publish(Topics.SHIPMENTS, shipmentId, UUID.randomUUID().toString(), EventCatalog.typeOf(ReturnShipmentCreated.class),
                "tracking-service", new ReturnShipmentCreated(shipmentId, returnId, RMA, "Estafeta", TRACKING, LABEL,
                        customer, Instant.now()));
    }

    private static void inTransit(UUID returnId, CustomerContact customer) {
        publish(Topics.RETURNS, returnId, UUID.randomUUID().toString(), EventCatalog.typeOf(ReturnInTransit.class), "returns-service",
                new ReturnInTransit(returnId, "MX-1", RMA, TRACKING, customer, Instant.now()));
    }

    private static void received(UUID returnId, CustomerContact customer, List<ReturnedLine> lines) {
        publish(Topics.RETURNS, returnId, UUID.randomUUID().toString(), EventCatalog.typeOf(ReturnReceived.class), "returns-service",
                new ReturnReceived(returnId, "MX-1", RMA, customer, lines, Instant.now()));
    }

    private static void refundIssued(UUID returnId, CustomerContact customer, Money amount) {
        UUID refundId = UUID.randomUUID();
        publish(Topics.REFUNDS, refundId, UUID.randomUUID().toString(), EventCatalog.typeOf(RefundIssued.class), "refund-service",
                new RefundIssued(refundId, returnId, "MX-1", amount, "sim_re_123", customer, Instant.now()));
    }

    private static void refundFailed(UUID returnId, CustomerContact customer, Money amount) {
        UUID refundId = UUID.randomUUID();
        String reason = customer.locale().startsWith("es") ? "tarjeta vencida" : "card expired";
        publish(Topics.REFUNDS, refundId, UUID.randomUUID().toString(), EventCatalog.typeOf(RefundFailed.class), "refund-service",
                new RefundFailed(refundId, returnId, "MX-1", amount, reason, customer, Instant.now()));
    }

    /** What another service's outbox relay would put on the topic: a CloudEvents binary-mode record. */
    private static void publish(String topic, UUID key, String eventId, String type, String source, Object event) {
        kafka().sendCloudEvent(topic, key.toString(), eventId, type, source, EventJson.toBytes(event));
    }

    /** {@link #publish}, with the payload's {@code customer.customerId} and {@code customer.locale} written as null. */
    private static void publishAsGuestWithoutLocale(String topic, UUID key, Class<?> eventClass, String source,
                                                    Object event) {
        com.fasterxml.jackson.databind.node.ObjectNode payload = EventJson.mapper().valueToTree(event);
        ((com.fasterxml.jackson.databind.node.ObjectNode) payload.get("customer")).putNull("customerId").putNull("locale");
        kafka().sendCloudEvent(topic, key.toString(), UUID.randomUUID().toString(), EventCatalog.typeOf(eventClass),
                source, EventJson.toBytes(payload));
    }


    private static CloudEvent cloudEvent(ConsumerRecord<String, byte[]> record) {
        try (CloudEventDeserializer deserializer = new CloudEventDeserializer()) {
            return deserializer.deserialize(record.topic(), record.headers(), record.value());
        }
    }
}
