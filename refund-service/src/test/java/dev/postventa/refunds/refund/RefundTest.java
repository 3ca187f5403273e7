package dev.postventa.refunds.refund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.Money;
import dev.postventa.events.ReturnedLine;
import dev.postventa.events.refunds.RefundFailed;
import dev.postventa.events.refunds.RefundIssued;
import dev.postventa.events.returns.ResolvedLine;
import dev.postventa.events.returns.ReturnResolved;
import java.math.BigDecimal;
import dev.postventa.refunds.payments.RefundOrder;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The refund's state machine, without infrastructure: PENDING → ISSUED | FAILED | OUTCOME_UNKNOWN, OUTCOME_UNKNOWN →
 * ISSUED | FAILED, FAILED → ISSUED only as a reconciled late success.
 */
class RefundTest {

    private static final Instant RECEIVED = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant LATER = RECEIVED.plusSeconds(30);
    private static final CustomerContact ANA = new CustomerContact("cust-ana", "ana@example.mx", "es-MX", "MX");
    private static final UUID REFUND_ID = UUID.fromString("6b1f4c1e-8d0a-4c55-9d7e-0e5a1c9b2f10");
    private static final UUID RETURN_ID = UUID.fromString("0b8e4a2c-3f4d-4e6a-9b1c-7d2e5f6a8b90");

    @Test
    void aResolvedReturnOwesItsRefundAmountAndWaitsForTheProvider() {
        Refund.Owed owed = Refund.owedFor(REFUND_ID, received(
                line("L1", 2, "499.90", "MXN"), line("L2", 1, "1299.00", "MXN")), RECEIVED);

        assertThat(owed.payable()).isTrue();
        assertThat(owed.events()).isEmpty();
        Refund refund = owed.refund();
        assertThat(refund.status).isEqualTo(RefundStatus.PENDING);
        assertThat(refund.money()).isEqualTo(Money.of("2298.80", "MXN"));
        assertThat(refund.attempts).isZero();
        assertThat(refund.customer()).isEqualTo(ANA);
        assertThat(refund.createdAt).isEqualTo(RECEIVED);
        assertThat(refund.order()).isEqualTo(new RefundOrder(REFUND_ID.toString(), "MX-1001",
                Money.of("2298.80", "MXN")));
        assertThat(refund.restockingFeeMoney()).isEqualTo(Money.zero("MXN"));
    }

    @Test
    void aRestockingFeeIsKeptOnTheRefundAndToldWhenItIsIssued() {
        ReturnResolved resolved = new ReturnResolved(RETURN_ID, "MX-1001", "RMA-MX-1001", ANA,
                List.of(resolvedLine(line("L1", 2, "499.90", "MXN"))), Money.of("899.82", "MXN"),
                Money.zero("MXN"), Money.of("99.98", "MXN"), false, RECEIVED);

        Refund refund = Refund.owedFor(REFUND_ID, resolved, RECEIVED).refund();
        RefundIssued issued = refund.issue("sim_re_1", 1, LATER);

        assertThat(refund.money()).as("the resolution's refund amount, fee deducted").isEqualTo(Money.of("899.82", "MXN"));
        assertThat(issued.amount()).isEqualTo(Money.of("899.82", "MXN"));
        assertThat(issued.restockingFee()).isEqualTo(Money.of("99.98", "MXN"));
    }

    @Test
    void linesInMixedCurrenciesFailAtOnceWithAZeroAmountAndNothingToPay() {
        Refund.Owed owed = Refund.owedFor(REFUND_ID, received(
                line("L1", 1, "499.90", "MXN"), line("L2", 1, "20.00", "USD")), RECEIVED);

        assertThat(owed.payable()).isFalse();
        assertThat(owed.refund().status).isEqualTo(RefundStatus.FAILED);
        assertThat(owed.refund().attempts).isZero();
        assertThat(owed.events()).singleElement().isInstanceOfSatisfying(RefundFailed.class, failed -> {
            assertThat(failed.refundId()).isEqualTo(REFUND_ID);
            assertThat(failed.returnId()).isEqualTo(RETURN_ID);
            assertThat(failed.reason()).isEqualTo("the resolved lines mix currencies MXN, USD");
            assertThat(failed.amount()).isEqualTo(Money.zero("MXN"));
            assertThat(failed.customer()).isEqualTo(ANA);
            assertThat(failed.failedAt()).isEqualTo(RECEIVED);
        });
    }

    @Test
    void aResolutionWithoutARefundAmountOwesNoRefund() {
        assertThatThrownBy(() -> Refund.owedFor(REFUND_ID, received(), RECEIVED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no amount to refund");
    }

    @Test
    void issuingAPendingRefundRecordsTheReferenceAndRaisesRefundIssued() {
        Refund refund = pending();

        RefundIssued issued = refund.issue("sim_re_1", 3, LATER);

        assertThat(refund.status).isEqualTo(RefundStatus.ISSUED);
        assertThat(refund.providerReference).isEqualTo("sim_re_1");
        assertThat(refund.attempts).isEqualTo(3);
        assertThat(refund.updatedAt).isEqualTo(LATER);
        assertThat(issued).isEqualTo(new RefundIssued(REFUND_ID, RETURN_ID, "MX-1001", Money.of("998.00", "MXN"),
                "sim_re_1", ANA, LATER, Money.zero("MXN")));
    }

    @Test
    void failingAPendingRefundRecordsTheReasonAndRaisesRefundFailed() {
        Refund refund = pending();

        RefundFailed failed = refund.fail("card account closed", 1, LATER);

        assertThat(refund.status).isEqualTo(RefundStatus.FAILED);
        assertThat(refund.failureReason).isEqualTo("card account closed");
        assertThat(refund.providerReference).isNull();
        assertThat(refund.attempts).isEqualTo(1);
        assertThat(failed).isEqualTo(new RefundFailed(REFUND_ID, RETURN_ID, "MX-1001", Money.of("998.00", "MXN"),
                "card account closed", ANA, LATER));
    }

    @Test
    void aFailedAttemptIsCountedAndTheRefundStaysPending() {
        Refund refund = pending();

        refund.attemptFailed(1, LATER);
        refund.attemptFailed(2, LATER.plusSeconds(1));

        assertThat(refund.status).isEqualTo(RefundStatus.PENDING);
        assertThat(refund.attempts).isEqualTo(2);
        assertThat(refund.updatedAt).isEqualTo(LATER.plusSeconds(1));
    }

    @Test
    void anIssuedRefundCanNeitherBeIssuedAgainNorFailNorCountAttempts() {
        Refund refund = pending();
        refund.issue("sim_re_1", 1, LATER);

        assertThatThrownBy(() -> refund.issue("sim_re_2", 2, LATER)).isInstanceOf(RefundNotPendingException.class)
                .hasMessage("refund " + REFUND_ID + " is ISSUED: cannot issue it");
        assertThatThrownBy(() -> refund.fail("late refusal", 2, LATER)).isInstanceOf(RefundNotPendingException.class)
                .hasMessageContaining("is ISSUED: cannot fail it");
        assertThatThrownBy(() -> refund.attemptFailed(2, LATER)).isInstanceOf(RefundNotPendingException.class);
        assertThat(refund.providerReference).isEqualTo("sim_re_1");
        assertThat(refund.attempts).isEqualTo(1);
    }

    @Test
    void aFailedRefundIsNeverIssued() {
        Refund refund = pending();
        refund.fail("card account closed", 1, LATER);

        assertThatThrownBy(() -> refund.issue("sim_re_1", 2, LATER))
                .isInstanceOfSatisfying(RefundNotPendingException.class,
                        e -> assertThat(e.status()).isEqualTo(RefundStatus.FAILED));
        assertThat(refund.status).isEqualTo(RefundStatus.FAILED);
        assertThat(refund.providerReference).isNull();
    }

    @Test
    void anUnansweredPaymentIsAnUnknownOutcomeThatALookupSettlesEitherWay() {
        Refund paid = pending();
        paid.outcomeUnknown("outcome unknown: gave up after 3 attempts: timeout", 3, LATER);

        assertThat(paid.status).isEqualTo(RefundStatus.OUTCOME_UNKNOWN);
        assertThat(paid.isOutcomeUnknown()).isTrue();
        assertThat(paid.attempts).isEqualTo(3);
        assertThatThrownBy(() -> paid.attemptFailed(4, LATER)).isInstanceOf(RefundNotPendingException.class);
        assertThatThrownBy(() -> paid.outcomeUnknown("again", 4, LATER)).isInstanceOf(RefundNotPendingException.class);
        RefundIssued issued = paid.issue("re_late_1", 3, LATER.plusSeconds(5));
        assertThat(issued.providerReference()).isEqualTo("re_late_1");
        assertThat(paid.status).isEqualTo(RefundStatus.ISSUED);

        Refund notPaid = pending();
        notPaid.outcomeUnknown("outcome unknown: gave up after 3 attempts: timeout", 3, LATER);
        RefundFailed failed = notPaid.fail("no record of it", 3, LATER.plusSeconds(5));
        assertThat(failed.reason()).isEqualTo("no record of it");
        assertThat(notPaid.status).isEqualTo(RefundStatus.FAILED);
    }

    @Test
    void aLateSuccessOfAFailedRefundIssuesItAndKeepsWhyItHadFailed() {
        Refund refund = pending();
        refund.fail("gave up after 5 attempts: timeout", 5, LATER);

        RefundIssued issued = refund.issueAfterFailure("re_late_1", LATER.plusSeconds(60));

        assertThat(issued.refundId()).isEqualTo(REFUND_ID);
        assertThat(issued.providerReference()).isEqualTo("re_late_1");
        assertThat(refund.status).isEqualTo(RefundStatus.ISSUED);
        assertThat(refund.failureReason).isEqualTo("paid after it was recorded FAILED (gave up after 5 attempts: timeout)");
        assertThatThrownBy(() -> refund.issueAfterFailure("re_late_2", LATER)).isInstanceOf(RefundNotPendingException.class);
        assertThatThrownBy(() -> pending().issueAfterFailure("re_1", LATER)).isInstanceOf(RefundNotPendingException.class);
    }

    @Test
    void anIssuedRefundNeedsTheProvidersReference() {
        Refund refund = pending();

        assertThatThrownBy(() -> refund.issue(" ", 1, LATER)).isInstanceOf(IllegalArgumentException.class);
        assertThat(refund.status).isEqualTo(RefundStatus.PENDING);
    }

    private static Refund pending() {
        return Refund.owedFor(REFUND_ID, received(line("L1", 2, "499.00", "MXN")), RECEIVED).refund();
    }

    /** Every line refunded in full: refundAmount = Σ of the lines in the first line's currency (MXN when none). */
    private static ReturnResolved received(ReturnedLine... lines) {
        String currency = lines.length == 0 ? "MXN" : lines[0].unitPrice().currency();
        BigDecimal total = List.of(lines).stream().filter(l -> l.unitPrice().currency().equals(currency))
                .map(l -> l.total().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new ReturnResolved(RETURN_ID, "MX-1001", "RMA-MX-1001", ANA,
                List.of(lines).stream().map(RefundTest::resolvedLine).toList(), new Money(total, currency),
                Money.zero(currency), Money.zero(currency), false, RECEIVED);
    }

    private static ResolvedLine resolvedLine(ReturnedLine line) {
        return new ResolvedLine(line.lineId(), line.sku(), line.name(), line.quantity(), line.unitPrice(),
                ReturnedLine.REFUND, null, Money.zero(line.unitPrice().currency()), line.total(), ReturnedLine.REFUND);
    }

    static ReturnedLine line(String id, int quantity, String unitPrice, String currency) {
        return new ReturnedLine(id, "SKU-" + id, "Item " + id, quantity, Money.of(unitPrice, currency), "DEFECTIVE");
    }
}
