package dev.postventa.returns.request;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postventa.events.Money;
import dev.postventa.events.ReturnedLine;
import dev.postventa.events.returns.ExchangeConfirmed;
import dev.postventa.events.returns.ExchangeFallbackApplied;
import dev.postventa.events.returns.ExchangeRequested;
import dev.postventa.events.returns.ReturnApproved;
import dev.postventa.events.storefront.ExchangeAnswer;
import dev.postventa.events.storefront.OrderLine;
import dev.postventa.events.storefront.StorefrontOrder;
import dev.postventa.events.storefront.StorefrontOrderEvent;
import dev.postventa.returns.orders.OrderSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An exchanged line through approval and the storefront's answers, without a database. */
class ExchangeAnswerTest {

    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    @Test
    void anExchangeLineCarriesTheChoiceAndApprovalAsksForTheReplacement() {
        ReturnRequest request = exchangeOf("549.90");
        ReturnedLine line = request.lines.get(0);
        assertThat(line.resolution()).isEqualTo(ReturnedLine.EXCHANGE);
        assertThat(line.fallback()).isEqualTo(ReturnedLine.STORE_CREDIT);
        assertThat(line.category()).isEqualTo("apparel");
        assertThat(line.replacementUnitPrice()).isEqualTo(Money.of("549.90", "MXN"));

        Transition approved = request.approve("RMA-1", NOW);

        assertThat(approved.events()).hasSize(2).first().isInstanceOf(ReturnApproved.class);
        assertThat(approved.events().get(1)).isInstanceOfSatisfying(ExchangeRequested.class, e -> {
            assertThat(e.returnId()).isEqualTo(request.id);
            assertThat(e.returnedSku()).isEqualTo("SKU-M");
            assertThat(e.replacementSku()).isEqualTo("SKU-L");
            assertThat(e.quantity()).isEqualTo(2);
            assertThat(e.differenceToPay()).isEqualTo(Money.of("100.00", "MXN"));
        });
    }

    @Test
    void theFirstAnswerWinsAndALaterOneIsANoteOnly() {
        ReturnRequest request = exchangeOf("499.90");
        request.approve("RMA-1", NOW);

        Transition reserved = request.exchangeAnswered(answer(request, ExchangeAnswer.RESERVED), NOW);
        assertThat(reserved.events()).singleElement().isInstanceOfSatisfying(ExchangeConfirmed.class,
                e -> assertThat(e.reservationId()).isEqualTo("RES-1"));
        assertThat(request.lines.get(0).reservationId()).isEqualTo("RES-1");

        Transition late = request.exchangeAnswered(answer(request, ExchangeAnswer.REJECTED), NOW);
        assertThat(late.events()).isEmpty();
        assertThat(late.unchanged()).contains("already reserved");
        assertThat(request.lines.get(0).resolution()).isEqualTo(ReturnedLine.EXCHANGE);
    }

    @Test
    void aRejectionAppliesTheFallbackAndALaterReservationChangesNothing() {
        ReturnRequest request = exchangeOf("499.90");
        request.approve("RMA-1", NOW);

        Transition rejected = request.exchangeAnswered(answer(request, ExchangeAnswer.REJECTED), NOW);
        assertThat(rejected.events()).singleElement().isInstanceOfSatisfying(ExchangeFallbackApplied.class, e -> {
            assertThat(e.fallback()).isEqualTo(ReturnedLine.STORE_CREDIT);
            assertThat(e.reason()).isEqualTo("out_of_stock");
        });
        assertThat(request.lines.get(0).resolution()).isEqualTo(ReturnedLine.STORE_CREDIT);

        Transition late = request.exchangeAnswered(answer(request, ExchangeAnswer.RESERVED), NOW);
        assertThat(late.events()).isEmpty();
        assertThat(request.lines.get(0).reservationId()).isNull();
    }

    @Test
    void anAnswerBeforeApprovalIsANoteOnly() {
        ReturnRequest request = exchangeOf("499.90");

        Transition early = request.exchangeAnswered(answer(request, ExchangeAnswer.RESERVED), NOW);

        assertThat(early.events()).isEmpty();
        assertThat(request.lines.get(0).reservationId()).isNull();
    }

    private static ExchangeAnswer answer(ReturnRequest request, String type) {
        boolean reserved = ExchangeAnswer.RESERVED.equals(type);
        return new ExchangeAnswer(UUID.randomUUID().toString(), type, request.id, "L1", "SKU-L",
                reserved ? "RES-1" : null, reserved ? null : "out_of_stock", NOW);
    }

    private static ReturnRequest exchangeOf(String replacementPrice) {
        StorefrontOrder order = new StorefrontOrder("MX-1", "cust-1", "ana@example.mx", "es-MX", "MX", "MXN", List.of(
                new OrderLine("L1", "SKU-M", "Camisa M", "apparel", 2, Money.of("499.90", "MXN"), false)),
                NOW.minusSeconds(86_400 * 5), NOW.minusSeconds(86_400 * 3), null);
        OrderSnapshot snapshot = OrderSnapshot.from(new StorefrontOrderEvent("e-1",
                StorefrontOrderEvent.ORDER_DELIVERED, order.deliveredAt(), order));
        CreateReturnRequest body = new CreateReturnRequest("MX-1", List.of(new CreateReturnRequest.RequestedLine("L1",
                2, ReasonCode.SIZE_TOO_SMALL, CreateReturnRequest.Resolution.EXCHANGE, "SKU-L",
                CreateReturnRequest.Fallback.STORE_CREDIT)), null);
        return ReturnRequest.request(UUID.randomUUID(), snapshot, body, Map.of("L1", Money.of(replacementPrice, "MXN")),
                NOW).request();
    }
}
