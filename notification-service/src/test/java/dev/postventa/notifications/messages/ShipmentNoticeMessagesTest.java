package dev.postventa.notifications.messages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.shipments.ReturnLabelReminderDue;
import dev.postventa.events.shipments.ReturnShipmentException;
import dev.postventa.events.shipments.ReturnShipmentStalled;
import dev.postventa.events.shipments.ShipmentStatus;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The proactive shipment notices rendered from their real templates in es, pt-BR and en: subject, what happens next,
 * dates on the customer's calendar, and nothing left unresolved (strict rendering, no brace survives).
 */
class ShipmentNoticeMessagesTest {

    static final String EVENT_ID = "3f1c9a52-3333-4d2e-9f00-000000000003";
    static final UUID RETURN_ID = UUID.fromString("5b0c3e1e-7a7a-4b4b-9c9c-000000000011");
    static final UUID SHIPMENT_ID = UUID.fromString("5b0c3e1e-7a7a-4b4b-9c9c-000000000012");
    static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");
    // 02:00 UTC on 20 November is still 19 November in Mexico City and São Paulo.
    static final Instant LAST_SCAN = Instant.parse("2026-11-20T02:00:00Z");
    static final String TRACKING = "SIMMX000000000042";
    static final String LABEL = "https://labels.simulated-carrier.invalid/SIMMX000000000042.pdf";
    static final CustomerContact MEXICO = new CustomerContact("c-1", "ana@example.mx", "es-MX", "MX");
    static final CustomerContact BRAZIL = new CustomerContact("c-2", "joao@example.br", "pt-BR", "BR");
    static final CustomerContact US = new CustomerContact("c-3", "amy@example.com", "en-US", "US");

    final MessageRenderer renderer = new MessageRenderer(ClasspathTemplates.engine());

    @Test
    void everyNoticeTemplateHasATextInEveryLanguage() {
        for (String template : ShipmentNoticeMessages.TEMPLATES) {
            for (String language : MessageLanguage.AVAILABLE) {
                assertThat(getClass().getResource("/templates/messages/" + template + "/" + language + ".txt"))
                        .as(template + "/" + language).isNotNull();
            }
        }
    }

    @Test
    void aReminderGivesTheLabelLinkAndWhatToDo() {
        assertThat(render(ShipmentNoticeMessages.labelReminder(reminder(MEXICO), EVENT_ID)))
                .startsWith("Recuerda enviar tu devolución RMA-1\n")
                .contains("Tu guía de envío " + TRACKING + " para la devolución RMA-1 todavía no se ha usado",
                        "entrega el paquete a Estafeta", LABEL, "puedes cancelar la devolución");
        assertThat(render(ShipmentNoticeMessages.labelReminder(reminder(BRAZIL), EVENT_ID)))
                .startsWith("Lembre-se de enviar a sua devolução RMA-1\n")
                .contains("entregue o pacote à Estafeta", LABEL, "pode cancelar a devolução");
        assertThat(render(ShipmentNoticeMessages.labelReminder(reminder(US), EVENT_ID)))
                .startsWith("A reminder to send your return RMA-1\n")
                .contains("drop the parcel off with Estafeta", LABEL, "you can cancel the return");
    }

    @Test
    void anUnusedLabelStalledSaysDropItOffOrCancel() {
        assertThat(render(ShipmentNoticeMessages.stalled(stalled(ShipmentStatus.LABEL_CREATED, MEXICO), EVENT_ID)))
                .startsWith("Tu guía de devolución " + TRACKING + " sigue sin usarse\n")
                .contains("Entrégalo a Estafeta lo antes posible", "o cancela la devolución");
        assertThat(render(ShipmentNoticeMessages.stalled(stalled(ShipmentStatus.LABEL_CREATED, BRAZIL), EVENT_ID)))
                .startsWith("A sua etiqueta de devolução " + TRACKING + " ainda não foi usada\n")
                .contains("Entregue-o à Estafeta o quanto antes", "ou cancele a devolução");
        assertThat(render(ShipmentNoticeMessages.stalled(stalled(ShipmentStatus.LABEL_CREATED, US), EVENT_ID)))
                .startsWith("Your return label " + TRACKING + " is still unused\n")
                .contains("drop it off with Estafeta as soon as you can", "or cancel the return");
    }

    @Test
    void aParcelStalledInTransitSaysSinceWhenAndThatThereIsNothingToDo() {
        assertThat(render(ShipmentNoticeMessages.stalled(stalled(ShipmentStatus.IN_TRANSIT, MEXICO), EVENT_ID)))
                .startsWith("Tu paquete de devolución " + TRACKING + " no se ha movido desde el 19 de noviembre de 2026\n")
                .contains("Ya lo estamos revisando con Estafeta; no tienes que hacer nada.");
        assertThat(render(ShipmentNoticeMessages.stalled(stalled(ShipmentStatus.OUT_FOR_DELIVERY, BRAZIL), EVENT_ID)))
                .startsWith("O seu pacote de devolução " + TRACKING + " não se move desde 19 de novembro de 2026\n")
                .contains("você não precisa fazer nada");
        assertThat(render(ShipmentNoticeMessages.stalled(stalled(ShipmentStatus.EXCEPTION, US), EVENT_ID)))
                .startsWith("Your return parcel " + TRACKING + " has not moved since November 19, 2026\n")
                .contains("there is nothing you need to do");
    }

    @Test
    void anExceptionSaysWhatHappensNextForItsKindInEveryLanguage() {
        String[][] expected = {
                {ReturnShipmentException.FAILED_PICKUP, "La paquetería no pudo recoger tu paquete", "lo intentará de nuevo",
                        "A transportadora não conseguiu coletar", "tentará de novo",
                        "The carrier could not pick up your parcel", "will try again"},
                {ReturnShipmentException.RETURNED_TO_SENDER, "va de regreso a ti", "contacta a nuestro servicio al cliente",
                        "está voltando para você", "Fale com o nosso atendimento",
                        "is coming back to you", "contact our customer service"},
                {ReturnShipmentException.DAMAGED, "se dañó en el envío", "tu reembolso no se ve afectado",
                        "foi danificado", "o seu reembolso não é afetado",
                        "was damaged", "your refund is not affected"},
                {ReturnShipmentException.LOST, "La paquetería perdió", "Estamos abriendo un reclamo",
                        "extraviou", "Estamos abrindo uma reclamação",
                        "The carrier lost", "We are opening a claim"},
                {ReturnShipmentException.OTHER, "Hay un problema con tu paquete", "(weather_delay)",
                        "Há um problema", "(weather_delay)",
                        "There is a problem with your return parcel", "(weather_delay)"}};
        CustomerContact[] customers = {MEXICO, BRAZIL, US};
        for (String[] row : expected) {
            for (int i = 0; i < customers.length; i++) {
                String text = render(ShipmentNoticeMessages.exception(exception(row[0], customers[i]), EVENT_ID));
                assertThat(text.lines().findFirst().orElseThrow()).as(row[0] + " " + i).contains(row[1 + 2 * i]);
                assertThat(text).as(row[0] + " " + i).contains(row[2 + 2 * i], TRACKING);
            }
        }
        // A kind added to the contract later reads as OTHER rather than failing the message.
        assertThat(render(ShipmentNoticeMessages.exception(exception("CUSTOMS_HOLD", US), EVENT_ID)))
                .startsWith("There is a problem with your return parcel");
    }

    private String render(OutgoingMessage message) {
        MessageRenderer.Rendered rendered = renderer.render(message.template(), message.customer(), message.data());
        String text = (rendered.subject() + "\n" + rendered.body()).replace('\u00a0', ' ');
        assertThat(text).doesNotContain("{", "}", "NOT_FOUND", "null");
        return text;
    }

    private static ReturnLabelReminderDue reminder(CustomerContact customer) {
        return new ReturnLabelReminderDue(SHIPMENT_ID, RETURN_ID, "RMA-1", "Estafeta", TRACKING, LABEL, customer,
                AT.minusSeconds(5 * 86400), AT);
    }

    private static ReturnShipmentStalled stalled(ShipmentStatus status, CustomerContact customer) {
        return new ReturnShipmentStalled(SHIPMENT_ID, RETURN_ID, "Estafeta", TRACKING, status, LAST_SCAN, "PT72H",
                customer, AT);
    }

    private static ReturnShipmentException exception(String kind, CustomerContact customer) {
        String word = ReturnShipmentException.OTHER.equals(kind) ? "weather_delay" : kind.toLowerCase();
        return new ReturnShipmentException(SHIPMENT_ID, RETURN_ID, "Estafeta", TRACKING, kind, word, null, customer,
                AT, AT);
    }

}
