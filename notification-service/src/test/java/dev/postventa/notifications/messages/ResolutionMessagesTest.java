package dev.postventa.notifications.messages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.Money;
import dev.postventa.events.ReturnedLine;
import dev.postventa.events.credit.StoreCreditIssued;
import dev.postventa.events.refunds.RefundIssued;
import dev.postventa.events.returns.ExchangeConfirmed;
import dev.postventa.events.returns.ExchangeFallbackApplied;
import dev.postventa.events.returns.InspectedLine;
import dev.postventa.events.returns.ReturnApproved;
import dev.postventa.events.returns.ReturnCancelled;
import dev.postventa.events.returns.ReturnInspected;
import dev.postventa.events.returns.ReturnReceived;
import dev.postventa.events.returns.ReturnRejected;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every message of the new outcomes rendered from its real template in es, pt-BR and en: subject and key sentences,
 * singular and plural, money written the customer's way, and no placeholder left unresolved (the engine renders
 * strictly, as Quarkus does, and no brace survives).
 */
class ResolutionMessagesTest {

    static final String EVENT_ID = "3f1c9a52-2222-4d2e-9f00-000000000002";
    static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");
    static final UUID RETURN_ID = UUID.fromString("5b0c3e1e-7a7a-4b4b-9c9c-000000000010");
    static final CustomerContact MEXICO = new CustomerContact("c-1", "ana@example.mx", "es-MX", "MX");
    static final CustomerContact BRAZIL = new CustomerContact("c-2", "joao@example.br", "pt-BR", "BR");
    static final CustomerContact US = new CustomerContact("c-3", "amy@example.com", "en-US", "US");

    final MessageRenderer renderer = new MessageRenderer(ClasspathTemplates.engine());

    @Test
    void everyTemplateHasATextInEveryLanguage() {
        for (String template : CustomerMessages.TEMPLATES) {
            for (String language : MessageLanguage.AVAILABLE) {
                assertThat(ResolutionMessagesTest.class.getResource("/templates/messages/" + template + "/" + language
                        + ".txt")).as(template + "/" + language).isNotNull();
            }
        }
    }

    @Test
    void aRejectionGivesTheReviewersReason() {
        ReturnRejected e = new ReturnRejected(RETURN_ID, "MX-7", MEXICO, List.of(line("499.90", "MXN", 1)),
                "the seal of the box is broken", AT);
        assertThat(render(CustomerMessages.rejected(e, EVENT_ID))).startsWith(
                        "Tu solicitud de devolución del pedido MX-7 no fue aprobada\n")
                .contains("no pudimos aprobarla: the seal of the box is broken", "no se hará ningún reembolso");
        assertThat(render(CustomerMessages.rejected(withCustomer(e, BRAZIL), EVENT_ID))).startsWith(
                "Sua solicitação de devolução do pedido MX-7 não foi aprovada\n").contains("não pudemos aprová-la:");
        assertThat(render(CustomerMessages.rejected(withCustomer(e, US), EVENT_ID))).startsWith(
                "Your return request for order MX-7 was not approved\n").contains("could not approve it:");
    }

    @Test
    void aCancellationSaysNothingIsChargedAndTheLabelIsVoid() {
        ReturnCancelled withLabel = new ReturnCancelled(RETURN_ID, "MX-7", "RMA-1", "SIMMX000000000042", MEXICO, AT);
        ReturnCancelled beforeApproval = new ReturnCancelled(RETURN_ID, "MX-7", null, null, MEXICO, AT);

        assertThat(render(CustomerMessages.cancelled(withLabel, EVENT_ID))).startsWith(
                        "Tu devolución del pedido MX-7 fue cancelada\n")
                .contains("cancelamos tu devolución RMA-1 del pedido MX-7", "No se cobrará, reembolsará ni acreditará",
                        "La guía de envío SIMMX000000000042 quedó anulada");
        assertThat(render(CustomerMessages.cancelled(beforeApproval, EVENT_ID)))
                .contains("cancelamos tu devolución del pedido MX-7", "Si imprimiste una guía");
        assertThat(render(CustomerMessages.cancelled(new ReturnCancelled(RETURN_ID, "BR-1", "RMA-1", "SIMBR1", BRAZIL,
                AT), EVENT_ID))).startsWith("Sua devolução do pedido BR-1 foi cancelada\n")
                .contains("Nada será cobrado, reembolsado ou creditado", "A etiqueta de envio SIMBR1 foi anulada");
        assertThat(render(CustomerMessages.cancelled(new ReturnCancelled(RETURN_ID, "US-1", null, null, US, AT),
                EVENT_ID))).startsWith("Your return for order US-1 is cancelled\n")
                .contains("we cancelled your return for order US-1.", "Nothing will be charged, refunded or credited");
    }

    @Test
    void aKeptReturnSaysKeepTheItemsInSingularOrPluralAndWhatComesBack() {
        ReturnApproved one = kept(MEXICO, keptLine("149.90", "MXN", 1, ReturnedLine.REFUND));
        ReturnApproved two = kept(MEXICO, keptLine("74.95", "MXN", 2, ReturnedLine.STORE_CREDIT));

        assertThat(render(CustomerMessages.kept(one, EVENT_ID))).startsWith(
                        "Tu devolución RMA-1 fue aprobada: quédate con el artículo\n")
                .contains("No necesitas enviarnos el artículo: quédatelo.",
                        "Tu reembolso de $149.90 MXN está en camino");
        assertThat(render(CustomerMessages.kept(two, EVENT_ID))).startsWith(
                        "Tu devolución RMA-1 fue aprobada: quédate con los artículos\n")
                .contains("No necesitas enviarnos los 2 artículos: quédatelos.",
                        "Tu crédito en tienda de $149.90 MXN está en camino");
        assertThat(render(CustomerMessages.kept(kept(BRAZIL, keptLine("149.90", "BRL", 1, ReturnedLine.REFUND)),
                EVENT_ID))).startsWith("Sua devolução RMA-1 foi aprovada: fique com o item\n")
                .contains("Você não precisa nos enviar o item: pode ficar com ele.",
                        "O seu reembolso de R$ 149,90 está a caminho");
        assertThat(render(CustomerMessages.kept(kept(BRAZIL, keptLine("74.95", "BRL", 2, ReturnedLine.REFUND),
                keptLine("10.00", "BRL", 1, ReturnedLine.STORE_CREDIT)), EVENT_ID)))
                .startsWith("Sua devolução RMA-1 foi aprovada: fique com os itens\n")
                .contains("os 3 itens: pode ficar com eles.", "O seu reembolso e o seu crédito na loja, R$ 159,90 no total");
        assertThat(render(CustomerMessages.kept(kept(US, keptLine("5.00", "USD", 3, ReturnedLine.STORE_CREDIT)),
                EVENT_ID))).startsWith("Your return RMA-1 is approved: keep the items\n")
                .contains("There is no need to send the 3 items back: keep them.",
                        "Your store credit of $15.00 USD is on its way");
    }

    @Test
    void aConfirmedExchangeNamesTheReservedReplacement() {
        ExchangeConfirmed one = new ExchangeConfirmed(RETURN_ID, "MX-7", "L1", "SKU-SHIRT-L", 1, "res-1", MEXICO, AT);
        assertThat(render(CustomerMessages.exchangeConfirmed(one, EVENT_ID))).startsWith(
                        "Tu cambio está apartado: SKU-SHIRT-L\n")
                .contains("apartamos 1 unidad de SKU-SHIRT-L", "en cuanto recibamos y revisemos");
        ExchangeConfirmed two = new ExchangeConfirmed(RETURN_ID, "BR-1", "L1", "SKU-SHIRT-L", 2, "res-1", BRAZIL, AT);
        assertThat(render(CustomerMessages.exchangeConfirmed(two, EVENT_ID))).startsWith(
                "Sua troca está reservada: SKU-SHIRT-L\n").contains("reservamos 2 unidades de SKU-SHIRT-L");
        assertThat(render(CustomerMessages.exchangeConfirmed(new ExchangeConfirmed(RETURN_ID, "US-1", "L1", "SKU-9", 2,
                "res-1", US, AT), EVENT_ID))).startsWith("Your replacement SKU-9 is reserved\n")
                .contains("we reserved 2 units of SKU-9", "as soon as we have received and checked");
    }

    @Test
    void aFallbackSaysWhyAndWhatAppliesInstead() {
        ExchangeFallbackApplied toCredit = new ExchangeFallbackApplied(RETURN_ID, "MX-7", "L1", "SKU-SHIRT-L",
                ReturnedLine.STORE_CREDIT, "out_of_stock", MEXICO, AT);
        assertThat(render(CustomerMessages.exchangeFallback(toCredit, EVENT_ID))).startsWith(
                        "No pudimos apartar SKU-SHIRT-L: recibirás crédito en tienda\n")
                .contains("(se agotó)", "recibirás crédito en tienda por el artículo");
        ExchangeFallbackApplied toRefund = new ExchangeFallbackApplied(RETURN_ID, "BR-1", "L1", "SKU-SHIRT-L",
                ReturnedLine.REFUND, "no answer from the storefront", BRAZIL, AT);
        assertThat(render(CustomerMessages.exchangeFallback(toRefund, EVENT_ID))).startsWith(
                        "Não conseguimos reservar SKU-SHIRT-L: você receberá um reembolso\n")
                .contains("(no answer from the storefront)", "reembolso no seu meio de pagamento original");
        assertThat(render(CustomerMessages.exchangeFallback(new ExchangeFallbackApplied(RETURN_ID, "US-1", "L1", "SKU-9",
                ReturnedLine.REFUND, "out_of_stock", US, AT), EVENT_ID)))
                .startsWith("We could not reserve SKU-9: you get a refund instead\n")
                .contains("(it is out of stock)", "you will get a refund to your original payment method instead");
    }

    @Test
    void aPartialAcceptanceListsEveryLineWithItsGradeAndNote() {
        ReturnInspected e = new ReturnInspected(RETURN_ID, "MX-7", "RMA-1", MEXICO, List.of(
                new InspectedLine("L1", "SKU-1", "Camisa", 2, 1, InspectedLine.DAMAGED, "mancha de tinta",
                        Money.zero("MXN")),
                new InspectedLine("L2", "SKU-2", "Gorra", 1, 1, InspectedLine.RESELLABLE, null, Money.zero("MXN"))),
                false, AT);
        assertThat(e.partial()).isTrue();

        assertThat(render(CustomerMessages.partiallyAccepted(e, EVENT_ID))).startsWith(
                        "Aceptamos 2 de 3 artículos de tu devolución RMA-1\n")
                .contains("- Camisa: aceptamos 1 de 2, dañado (mancha de tinta)\n",
                        "- Gorra: aceptamos 1 de 1, en buen estado\n", "el resto no");
        assertThat(render(CustomerMessages.partiallyAccepted(withCustomer(e, BRAZIL), EVENT_ID))).startsWith(
                        "Aceitamos 2 de 3 itens da sua devolução RMA-1\n")
                .contains("- Camisa: aceitamos 1 de 2, danificado (mancha de tinta)\n", "- Gorra: aceitamos 1 de 1, em bom estado\n");
        ReturnInspected single = new ReturnInspected(RETURN_ID, "US-1", "RMA-1", US, List.of(new InspectedLine("L1",
                "SKU-1", "Shirt", 1, 0, InspectedLine.MISSING, null, Money.zero("USD"))), false, AT);
        assertThat(render(CustomerMessages.partiallyAccepted(single, EVENT_ID)))
                .startsWith("We accepted 0 of 1 item of your return RMA-1\n")
                .contains("- Shirt: 0 of 1 accepted, missing from the parcel\n", "the rest is not");
    }

    @Test
    void storeCreditGivesAmountBonusBalanceAndExpiryTheCustomersWay() {
        StoreCreditIssued brazil = new StoreCreditIssued(UUID.randomUUID(), UUID.randomUUID(), RETURN_ID, "BR-1",
                Money.of("164.89", "BRL"), Money.of("14.99", "BRL"), Money.of("200.00", "BRL"), BRAZIL,
                Instant.parse("2027-03-01T02:00:00Z"), AT);
        // 02:00 UTC on 1 March is still 28 February in São Paulo.
        assertThat(render(CustomerMessages.storeCreditIssued(brazil, EVENT_ID))).startsWith(
                        "Seu crédito na loja de R$ 164,89 já está disponível\n")
                .contains("Adicionamos R$ 164,89 de crédito na loja", "incluindo um bônus de R$ 14,99",
                        "Seu saldo agora é de R$ 200,00.", "até 28 de fevereiro de 2027");
        StoreCreditIssued mexico = new StoreCreditIssued(UUID.randomUUID(), UUID.randomUUID(), RETURN_ID, "MX-7",
                Money.of("499.90", "MXN"), Money.zero("MXN"), Money.of("499.90", "MXN"), MEXICO,
                Instant.parse("2027-05-31T12:00:00Z"), AT);
        assertThat(render(CustomerMessages.storeCreditIssued(mexico, EVENT_ID)))
                .startsWith("Tu crédito en tienda de $499.90 MXN ya está disponible\n")
                .contains("por tu devolución del pedido MX-7.", "hasta el 31 de mayo de 2027").doesNotContain("bono");
        StoreCreditIssued us = new StoreCreditIssued(UUID.randomUUID(), UUID.randomUUID(), RETURN_ID, "US-1",
                Money.of("55.00", "USD"), Money.of("5.00", "USD"), Money.of("55.00", "USD"), US,
                Instant.parse("2027-05-31T12:00:00Z"), AT);
        assertThat(render(CustomerMessages.storeCreditIssued(us, EVENT_ID)))
                .startsWith("Your store credit of $55.00 USD is ready\n")
                .contains("including a bonus of $5.00 USD", "until May 31, 2027");
    }

    @Test
    void aRefundWithARestockingFeeSaysWhatWasDeducted() {
        RefundIssued withFee = new RefundIssued(UUID.randomUUID(), RETURN_ID, "BR-1", Money.of("134.91", "BRL"),
                "sim_re_1", BRAZIL, AT, Money.of("14.99", "BRL"));
        assertThat(render(CustomerMessages.refundIssued(withFee, EVENT_ID)))
                .contains("Reembolsamos R$ 134,91", "Foi descontada uma taxa de reposição de estoque de R$ 14,99.");
        assertThat(render(CustomerMessages.refundIssued(new RefundIssued(UUID.randomUUID(), RETURN_ID, "MX-7",
                Money.of("100.00", "MXN"), "sim_re_1", MEXICO, AT, Money.of("25.00", "MXN")), EVENT_ID)))
                .contains("Se descontó una tarifa de reposición de $25.00 MXN.");
        assertThat(render(CustomerMessages.refundIssued(new RefundIssued(UUID.randomUUID(), RETURN_ID, "US-1",
                Money.of("100.00", "USD"), "sim_re_1", US, AT, Money.of("25.00", "USD")), EVENT_ID)))
                .contains("A restocking fee of $25.00 USD was deducted from it.");
        for (Money none : new Money[] {null, Money.zero("MXN")}) {
            assertThat(render(CustomerMessages.refundIssued(new RefundIssued(UUID.randomUUID(), RETURN_ID, "MX-7",
                    Money.of("100.00", "MXN"), "sim_re_1", MEXICO, AT, none), EVENT_ID))).doesNotContain("tarifa");
        }
    }

    @Test
    void theReceivedItemsAreCountedInSingularAndPlural() {
        assertThat(render(CustomerMessages.received(new ReturnReceived(RETURN_ID, "MX-7", "RMA-1", MEXICO,
                List.of(line("499.90", "MXN", 1)), AT), EVENT_ID))).contains("(1 artículo)");
        assertThat(render(CustomerMessages.received(new ReturnReceived(RETURN_ID, "BR-1", "RMA-1", BRAZIL,
                List.of(line("74.95", "BRL", 2)), AT), EVENT_ID))).contains("(2 itens)", "R$ 149,90.");
        assertThat(render(CustomerMessages.received(new ReturnReceived(RETURN_ID, "US-1", "RMA-1", US,
                List.of(line("5.00", "USD", 1)), AT), EVENT_ID))).contains("(1 item)");
    }

    /** Subject, a line break, then the body: nothing left in braces. */
    private String render(OutgoingMessage message) {
        MessageRenderer.Rendered rendered = renderer.render(message.template(), message.customer(), message.data());
        String text = (rendered.subject() + "\n" + rendered.body()).replace('\u00a0', ' ');
        assertThat(text).doesNotContain("{", "}", "NOT_FOUND", "null");
        return text;
    }

    private static ReturnRejected withCustomer(ReturnRejected e, CustomerContact customer) {
        return new ReturnRejected(e.returnId(), e.orderId(), customer, e.lines(), e.reason(), e.rejectedAt());
    }

    private static ReturnInspected withCustomer(ReturnInspected e, CustomerContact customer) {
        return new ReturnInspected(e.returnId(), e.orderId(), e.rmaNumber(), customer, e.lines(), e.automatic(),
                e.inspectedAt());
    }

    private static ReturnApproved kept(CustomerContact customer, ReturnedLine... lines) {
        return new ReturnApproved(RETURN_ID, "MX-7", "RMA-1", customer, List.of(lines), AT, true);
    }

    private static ReturnedLine keptLine(String unitPrice, String currency, int quantity, String resolution) {
        return new ReturnedLine("L" + quantity, "SKU-" + quantity, "Calcetines", quantity, Money.of(unitPrice, currency),
                "NO_LONGER_NEEDED", "accessories", resolution, null, null, null, null, true);
    }

    private static ReturnedLine line(String unitPrice, String currency, int quantity) {
        return new ReturnedLine("L" + quantity, "SKU-" + quantity, "Camisa", quantity, Money.of(unitPrice, currency),
                "DAMAGED");
    }

}
