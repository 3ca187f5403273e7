package dev.postventa.notifications.messages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.Money;
import dev.postventa.events.returns.FeedbackRequested;
import dev.postventa.events.shipments.ReturnLabelReminderDue;
import dev.postventa.notifications.sms.SmsText;
import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every message is a text and an HTML email from its own templates in es, pt-BR and en: every template found on the
 * classpath renders strictly in both forms and every language (a template added without an HTML form, or without a
 * sample here, fails), inside the shared layout; values are escaped in the HTML and stay readable in the text; links
 * are only http(s) {@code href}s; plural forms and money are the text's. Also the survey and the reminder's date.
 */
class HtmlMessagesTest {

    static final String EVENT_ID = "3f1c9a52-4444-4d2e-9f00-000000000004";
    static final UUID RETURN_ID = UUID.fromString("5b0c3e1e-7a7a-4b4b-9c9c-000000000021");
    static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");
    // 05:00 UTC on 5 December is still 4 December in Mexico City (UTC-6), already 5 December in São Paulo (UTC-3).
    static final Instant SHIP_BY = Instant.parse("2026-12-05T05:00:00Z");
    static final Instant SURVEY_EXPIRES = Instant.parse("2026-12-23T02:00:00Z");
    static final String LABEL = "https://labels.simulated-carrier.invalid/SIMMX000000000042.pdf";
    static final String SURVEY = "https://shop.example.mx/survey?token=abc.def&lang=es";
    static final CustomerContact MEXICO = new CustomerContact("c-1", "ana@example.mx", "es-MX", "MX");
    static final CustomerContact BRAZIL = new CustomerContact("c-2", "joao@example.br", "pt-BR", "BR");
    static final CustomerContact US = new CustomerContact("c-3", "amy@example.com", "en-US", "US");
    static final Map<String, CustomerContact> CUSTOMERS = Map.of("es", MEXICO, "pt-BR", BRAZIL, "en", US);

    /** One message per template with every value its templates print; a new template needs one here. */
    static final Map<String, Function<CustomerContact, OutgoingMessage>> SAMPLES = samples();

    final MessageRenderer renderer = new MessageRenderer(ClasspathTemplates.engine());

    @Test
    void everyTemplateOnTheClasspathRendersAsTextAndHtmlInEveryLanguage() throws URISyntaxException {
        Set<String> onClasspath = templatesOnClasspath();
        assertThat(onClasspath).as("every message template has a sample here").isEqualTo(SAMPLES.keySet());
        assertThat(onClasspath).containsAll(CustomerMessages.TEMPLATES).containsAll(ShipmentNoticeMessages.TEMPLATES)
                .containsAll(FeedbackMessages.TEMPLATES);
        for (String template : onClasspath) {
            for (String language : MessageLanguage.AVAILABLE) {
                for (String form : List.of(".txt", ".html")) {
                    assertThat(getClass().getResource("/templates/messages/" + template + "/" + language + form))
                            .as(template + "/" + language + form).isNotNull();
                }
                MessageRenderer.Rendered r = render(SAMPLES.get(template).apply(CUSTOMERS.get(language)));
                String what = template + "/" + language;
                assertThat(r.language()).as(what).isEqualTo(language);
                assertThat(r.subject() + r.body()).as(what).doesNotContain("{", "}", "NOT_FOUND", "null", "<p");
                assertThat(r.html()).as(what).startsWith("<!DOCTYPE html>")
                        .contains("<html lang=\"" + language + "\">", "<title>" + escaped(r.subject()) + "</title>",
                                "<h1 ", "Postventa</td>", "</body>\n</html>")
                        .doesNotContain("{", "}", "NOT_FOUND", "null");
                // The HTML says what the text says: its first paragraph (the greeting) is there too.
                assertThat(r.html()).as(what).contains("<p style=\"margin:0 0 16px 0;\">"
                        + r.body().lines().findFirst().orElseThrow() + "</p>");
            }
        }
    }

    @Test
    void bothPartsSignWithTheShopsNameInTheCustomersLanguage() {
        MessageRenderer shop = new MessageRenderer(ClasspathTemplates.engine(), "Tienda <Luna> & Sol");
        assertThat(shop.render("return-in-transit", MEXICO, SAMPLES.get("return-in-transit").apply(MEXICO).data())
                .html()).contains(">Tienda &lt;Luna&gt; &amp; Sol</td>", "Equipo Tienda &lt;Luna&gt; &amp; Sol</p>");
        assertThat(shop.render("return-in-transit", BRAZIL, SAMPLES.get("return-in-transit").apply(BRAZIL).data())
                .html()).contains("Equipe Tienda &lt;Luna&gt;");
        assertThat(shop.render("return-in-transit", US, SAMPLES.get("return-in-transit").apply(US).data())
                .html()).contains("The Tienda &lt;Luna&gt; &amp; Sol team</p>");
        // The text part signs with the same name, as it is (plain text escapes nothing).
        assertThat(shop.render("return-in-transit", MEXICO, SAMPLES.get("return-in-transit").apply(MEXICO).data())
                .body()).contains("Equipo Tienda <Luna> & Sol").doesNotContain("Postventa");
        assertThat(shop.render("return-in-transit", US, SAMPLES.get("return-in-transit").apply(US).data())
                .body()).contains("The Tienda <Luna> & Sol team");
    }

    @Test
    void aProductNameWithMarkupIsEscapedInTheHtmlAndReadableInTheText() {
        OutgoingMessage message = partiallyAccepted(US, "<script>alert(1)</script>", "box \"opened\" & used");
        MessageRenderer.Rendered r = render(message);

        assertThat(r.body()).contains("- <script>alert(1)</script>: 1 of 2 accepted, damaged (box \"opened\" & used)");
        assertThat(r.html()).contains("<li>&lt;script&gt;alert(1)&lt;/script&gt;: 1 of 2 accepted, damaged "
                        + "(box &quot;opened&quot; &amp; used)</li>")
                .doesNotContain("<script", "\"opened\"");
    }

    @Test
    void theHtmlHasTheTextsPluralFormsAndMoney() {
        MessageRenderer.Rendered one = render(received(BRAZIL, 1, Money.of("149.90", "BRL")));
        assertThat(one.html()).contains("(1 item)", "R$ 149,90.").doesNotContain("1 itens", "BRL");
        assertThat(render(received(BRAZIL, 2, Money.of("149.90", "BRL"))).html()).contains("(2 itens)");
        assertThat(render(received(MEXICO, 1, Money.of("499.90", "MXN"))).html().replace('\u00a0', ' '))
                .contains("(1 artículo)", "$499.90 MXN");
        assertThat(render(received(US, 3, Money.of("20.00", "USD"))).html()).contains("(3 items)", "$20.00");
    }

    @Test
    void onlyAnHttpUrlBecomesALinkAndItsAmpersandIsEscaped() {
        MessageRenderer.Rendered label = render(SAMPLES.get("return-approved").apply(MEXICO));
        assertThat(label.html()).contains("<a href=\"" + LABEL + "\"", ">Descarga tu guía de envío</a>");
        assertThat(render(SAMPLES.get("feedback-requested").apply(MEXICO)).html())
                .contains("<a href=\"https://shop.example.mx/survey?token=abc.def&amp;lang=es\"");

        for (String url : List.of("javascript:alert(1)", "data:text/html,<b>x</b>", "/relative/label.pdf",
                "https:no-host", "\" onclick=\"alert(1)")) {
            MessageRenderer.Rendered r = renderer.render("return-approved", MEXICO, Map.of("rma", "RMA-1",
                    "carrier", "Estafeta", "trackingNumber", "SIMMX1", "labelUrl", url));
            assertThat(r.html()).as(url).doesNotContain("<a ", "javascript:", "onclick", "data:");
            // The text shows whatever the carrier sent, as text: no client turns it into a script.
            assertThat(r.body()).as(url).contains(url);
        }
        assertThat(WebLinks.isWebLink("http://labels.example/x.pdf")).isTrue();
        assertThat(WebLinks.isWebLink("HTTPS://labels.example/x.pdf")).isTrue();
        assertThat(WebLinks.isWebLink("ftp://labels.example/x.pdf")).isFalse();
        assertThat(WebLinks.isWebLink(42)).isFalse();
    }

    @Test
    void theLabelReminderNamesTheShipByDateOnTheCustomersCalendarWhenThereIsOne() {
        assertThat(both(ShipmentNoticeMessages.labelReminder(reminder(MEXICO, SHIP_BY), EVENT_ID)))
                .allSatisfy(form -> assertThat(form).contains(
                        "entrega el paquete a Estafeta a más tardar el 4 de diciembre de 2026"));
        assertThat(both(ShipmentNoticeMessages.labelReminder(reminder(BRAZIL, SHIP_BY), EVENT_ID)))
                .allSatisfy(form -> assertThat(form).contains("entregue o pacote à Estafeta até 5 de dezembro de 2026"));
        assertThat(both(ShipmentNoticeMessages.labelReminder(reminder(US, SHIP_BY), EVENT_ID)))
                .allSatisfy(form -> assertThat(form).contains("drop the parcel off with Estafeta by December 5, 2026:"));

        assertThat(both(ShipmentNoticeMessages.labelReminder(reminder(MEXICO, null), EVENT_ID)))
                .allSatisfy(form -> assertThat(form).contains("entrega el paquete a Estafeta:")
                        .doesNotContain("a más tardar"));
        assertThat(both(ShipmentNoticeMessages.labelReminder(reminder(US, null), EVENT_ID)))
                .allSatisfy(form -> assertThat(form).contains("drop the parcel off with Estafeta:"));
    }

    @Test
    void theSurveyThanksGivesTheLinkAndUntilWhenItWorksInEveryLanguage() {
        MessageRenderer.Rendered es = render(FeedbackMessages.feedbackRequested(feedback(MEXICO), EVENT_ID));
        assertThat(es.subject()).isEqualTo("¿Cómo te fue con tu devolución RMA-9?");
        assertThat(es.body()).contains("Gracias por tu devolución RMA-9 del pedido MX-9", SURVEY,
                "El enlace funciona hasta el 22 de diciembre de 2026.");
        assertThat(es.html()).contains("Responder la encuesta</a>", "hasta el 22 de diciembre de 2026.");

        MessageRenderer.Rendered pt = render(FeedbackMessages.feedbackRequested(feedback(BRAZIL), EVENT_ID));
        assertThat(pt.subject()).isEqualTo("Como foi a sua devolução RMA-9?");
        assertThat(pt.body()).contains("Obrigado pela sua devolução RMA-9", SURVEY, "O link funciona até 22 de dezembro de 2026.");

        MessageRenderer.Rendered en = render(FeedbackMessages.feedbackRequested(feedback(US), EVENT_ID));
        assertThat(en.subject()).isEqualTo("How did your return RMA-9 go?");
        assertThat(en.body()).contains("Thank you for your return RMA-9 on order MX-9", SURVEY,
                "The link works until December 22, 2026.");

        // By SMS: the subject and the link, nothing else.
        OutgoingMessage message = FeedbackMessages.feedbackRequested(feedback(MEXICO), EVENT_ID);
        assertThat(SmsText.of(es.subject(), message.data())).isEqualTo("¿Cómo te fue con tu devolución RMA-9? " + SURVEY);
        assertThat(dev.postventa.notifications.preferences.MessageImportance.isEssential(
                FeedbackMessages.FEEDBACK_REQUESTED)).isFalse();
    }

    // --- helpers

    private MessageRenderer.Rendered render(OutgoingMessage message) {
        MessageRenderer.Rendered r = renderer.render(message.template(), message.customer(), message.data());
        return new MessageRenderer.Rendered(r.language(), r.subject().replace('\u00a0', ' '),
                r.body().replace('\u00a0', ' '), r.html().replace('\u00a0', ' '));
    }

    /** The text (subject and body) and the HTML's visible words, for sentences both forms must say. */
    private List<String> both(OutgoingMessage message) {
        MessageRenderer.Rendered r = render(message);
        return List.of(r.subject() + "\n" + r.body(), r.html());
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static Set<String> templatesOnClasspath() throws URISyntaxException {
        URL root = HtmlMessagesTest.class.getResource("/templates/messages");
        assertThat(root).isNotNull();
        File[] dirs = new File(root.toURI()).listFiles(File::isDirectory);
        assertThat(dirs).isNotEmpty();
        return Arrays.stream(dirs).map(File::getName).collect(Collectors.toCollection(TreeSet::new));
    }

    private static OutgoingMessage sample(String template, CustomerContact c, Object... keysAndValues) {
        return CustomerMessages.message(EVENT_ID, "Sample", RETURN_ID, template, c, keysAndValues);
    }

    private static OutgoingMessage received(CustomerContact c, int items, Money amount) {
        return sample(CustomerMessages.RETURN_RECEIVED, c, "rma", "RMA-1", "items", items, "amount", amount);
    }

    private static OutgoingMessage partiallyAccepted(CustomerContact c, String name, String note) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("name", name);
        line.put("accepted", 1);
        line.put("expected", 2);
        line.put("grade", "DAMAGED");
        line.put("note", note);
        return sample(CustomerMessages.RETURN_PARTIALLY_ACCEPTED, c, "rma", "RMA-1", "lines", List.of(line),
                "accepted", 1, "expected", 2);
    }

    private static ReturnLabelReminderDue reminder(CustomerContact c, Instant shipBy) {
        return new ReturnLabelReminderDue(UUID.randomUUID(), RETURN_ID, "RMA-1", "Estafeta", "SIMMX1", LABEL, c,
                AT.minusSeconds(5 * 86400), AT, shipBy);
    }

    private static FeedbackRequested feedback(CustomerContact c) {
        return new FeedbackRequested(RETURN_ID, "MX-9", "RMA-9", c, SURVEY, SURVEY_EXPIRES, AT);
    }

    private static Map<String, Function<CustomerContact, OutgoingMessage>> samples() {
        Map<String, Function<CustomerContact, OutgoingMessage>> s = new LinkedHashMap<>();
        Money mxn = Money.of("499.90", "MXN");
        s.put(CustomerMessages.RETURN_APPROVED, c -> sample(CustomerMessages.RETURN_APPROVED, c, "rma", "RMA-1",
                "carrier", "Estafeta", "trackingNumber", "SIMMX1", "labelUrl", LABEL));
        s.put(CustomerMessages.RETURN_IN_TRANSIT, c -> sample(CustomerMessages.RETURN_IN_TRANSIT, c, "rma", "RMA-1",
                "trackingNumber", "SIMMX1"));
        s.put(CustomerMessages.RETURN_RECEIVED, c -> received(c, 2, mxn));
        s.put(CustomerMessages.REFUND_ISSUED, c -> sample(CustomerMessages.REFUND_ISSUED, c, "amount", mxn,
                "reference", "sim_re_1", "restockingFee", Money.of("50.00", "MXN")));
        s.put(CustomerMessages.REFUND_FAILED, c -> sample(CustomerMessages.REFUND_FAILED, c, "amount", mxn,
                "reason", "card_expired"));
        s.put(CustomerMessages.RETURN_REJECTED, c -> sample(CustomerMessages.RETURN_REJECTED, c, "orderId", "MX-7",
                "reason", "the seal is broken"));
        s.put(CustomerMessages.RETURN_CANCELLED, c -> sample(CustomerMessages.RETURN_CANCELLED, c, "orderId", "MX-7",
                "rma", "RMA-1", "trackingNumber", "SIMMX1"));
        s.put(CustomerMessages.RETURN_KEPT, c -> sample(CustomerMessages.RETURN_KEPT, c, "rma", "RMA-1", "items", 1,
                "amount", mxn, "settlement", CustomerMessages.SETTLED_BY_BOTH));
        s.put(CustomerMessages.EXCHANGE_CONFIRMED, c -> sample(CustomerMessages.EXCHANGE_CONFIRMED, c,
                "orderId", "MX-7", "replacementSku", "SKU-RED-M", "quantity", 2));
        s.put(CustomerMessages.EXCHANGE_FALLBACK, c -> sample(CustomerMessages.EXCHANGE_FALLBACK, c,
                "orderId", "MX-7", "replacementSku", "SKU-RED-M", "fallback", "STORE_CREDIT", "reason", "out_of_stock"));
        s.put(CustomerMessages.RETURN_PARTIALLY_ACCEPTED, c -> partiallyAccepted(c, "Camisa roja", "manchada"));
        s.put(CustomerMessages.STORE_CREDIT_ISSUED, c -> sample(CustomerMessages.STORE_CREDIT_ISSUED, c,
                "orderId", "MX-7", "amount", mxn, "bonus", Money.of("49.99", "MXN"), "balance", mxn,
                "expiresAt", SURVEY_EXPIRES));
        s.put(ShipmentNoticeMessages.LABEL_REMINDER, c -> ShipmentNoticeMessages.labelReminder(reminder(c, SHIP_BY),
                EVENT_ID));
        s.put(ShipmentNoticeMessages.STALLED_LABEL, c -> sample(ShipmentNoticeMessages.STALLED_LABEL, c,
                "carrier", "Estafeta", "trackingNumber", "SIMMX1", "lastMovementAt", AT));
        s.put(ShipmentNoticeMessages.STALLED_IN_TRANSIT, c -> sample(ShipmentNoticeMessages.STALLED_IN_TRANSIT, c,
                "carrier", "Estafeta", "trackingNumber", "SIMMX1", "lastMovementAt", AT));
        s.put(ShipmentNoticeMessages.SHIPMENT_EXCEPTION, c -> sample(ShipmentNoticeMessages.SHIPMENT_EXCEPTION, c,
                "kind", "OTHER", "carrier", "Estafeta", "trackingNumber", "SIMMX1", "carrierStatus", "weather_delay"));
        s.put(FeedbackMessages.FEEDBACK_REQUESTED, c -> FeedbackMessages.feedbackRequested(feedback(c), EVENT_ID));
        return Map.copyOf(s);
    }
}
