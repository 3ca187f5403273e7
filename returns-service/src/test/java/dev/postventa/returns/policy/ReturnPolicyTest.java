package dev.postventa.returns.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postventa.events.Money;
import dev.postventa.events.ReturnedLine;
import dev.postventa.events.storefront.OrderLine;
import dev.postventa.events.storefront.StorefrontOrder;
import dev.postventa.events.storefront.StorefrontOrderEvent;
import dev.postventa.returns.orders.OrderSnapshot;
import dev.postventa.returns.request.CreateReturnRequest;
import dev.postventa.returns.request.CreateReturnRequest.RequestedLine;
import dev.postventa.returns.request.ReasonCode;
import dev.postventa.support.problem.Problem.FieldViolation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The return policy's rules, field by field, without a database. */
class ReturnPolicyTest {

    private static final Instant DELIVERED = Instant.parse("2026-03-04T16:00:00Z");
    private static final Instant NOW = DELIVERED.plus(Duration.ofDays(10));

    private final ReturnPolicy policy = new ReturnPolicy(new ReturnsConfig() {
        @Override
        public Duration window() {
            return Duration.ofDays(30);
        }

        @Override
        public boolean autoApprove() {
            return true;
        }

        @Override
        public Duration idempotencyRetention() {
            return Duration.ofDays(7);
        }

        @Override
        public Duration idempotencyRetentionSweepEvery() {
            return Duration.ofHours(1);
        }

        @Override
        public int idempotencyRetentionBatchSize() {
            return 1000;
        }
    }, new ReturnWindows(ReturnWindows.LEGAL_DEFAULTS, Map.of(), new WindowLength(30, false), List.of(), Map.of(),
            HolidayCalendar.load(true, Map.of())));

    @Test
    void aDeliveredOrderWithinTheWindowMayBeReturned() {
        assertThat(policy.check(order(DELIVERED, null), request(line("L1", 2)), NOW)).isEmpty();
        assertThat(policy.check(order(DELIVERED, null), request(line("L1", 1)),
                DELIVERED.plus(Duration.ofDays(30)))).isEmpty();
    }

    @Test
    void anUndeliveredOrderCannotBeReturned() {
        assertThat(policy.check(order(null, null), request(line("L1", 1)), NOW))
                .containsExactly(new FieldViolation("orderId", "order has not been delivered yet"));
    }

    @Test
    void aCancelledOrderCannotBeReturnedEvenIfDelivered() {
        Instant cancelled = DELIVERED.minus(Duration.ofDays(1));
        assertThat(policy.check(order(DELIVERED, cancelled), request(line("L1", 1)), NOW))
                .containsExactly(new FieldViolation("orderId", "order was cancelled on " + cancelled));
    }

    @Test
    void theWindowEndsAtTheEndOfTheThirtiethLocalDayAfterDeliveryLineByLine() {
        // Delivered 2026-03-04 10:00 in Mexico City; day 30 is 2026-04-03, which ends at 06:00Z on 2026-04-04.
        Instant lastMoment = Instant.parse("2026-04-04T05:59:59Z");
        assertThat(policy.check(order(DELIVERED, null), request(line("L1", 1)), lastMoment)).isEmpty();
        assertThat(policy.check(order(DELIVERED, null), request(line("L1", 1), line("L2", 1)),
                lastMoment.plusSeconds(1)))
                .containsExactly(
                        new FieldViolation("lines[0].lineId",
                                "the shop's return window (30 days from delivery) closed on 2026-04-03"),
                        new FieldViolation("lines[1].lineId",
                                "the shop's return window (30 days from delivery) closed on 2026-04-03"));
    }

    @Test
    void linesNotInTheOrderFinalSaleOrListedTwiceAreRefusedOneByOne() {
        List<FieldViolation> violations = policy.check(order(DELIVERED, null),
                request(line("L9", 1), line("L3", 1), line("L1", 1), line("L1", 1)), NOW);
        assertThat(violations).extracting(FieldViolation::field)
                .containsExactly("lines[0].lineId", "lines[1].lineId", "lines[3].lineId");
        assertThat(violations).extracting(FieldViolation::message).containsExactly(
                "line L9 is not part of order MX-1",
                "line L3 was sold as final sale and cannot be returned",
                "line L1 is listed twice");
    }

    @Test
    void neverMoreThanWasBoughtCountingEarlierReturns() {
        OrderSnapshot earlier = order(DELIVERED, null);
        earlier.countReturned(List.of(returned("L1", 1)));
        earlier.countReturned(List.of(returned("L2", 1)));
        assertThat(policy.check(earlier, request(line("L1", 2), line("L2", 1)), NOW))
                .containsExactly(
                        new FieldViolation("lines[0].quantity", "at most 1 can be returned (bought 2, already returned 1)"),
                        new FieldViolation("lines[1].quantity", "at most 0 can be returned (bought 1, already returned 1)"));
        assertThat(policy.check(earlier, request(line("L1", 1)), NOW)).isEmpty();
    }

    @Test
    void aRejectedReturnGivesItsUnitsBack() {
        OrderSnapshot order = order(DELIVERED, null);
        order.countReturned(List.of(returned("L1", 2)));
        assertThat(policy.check(order, request(line("L1", 1)), NOW)).extracting(FieldViolation::message)
                .containsExactly("at most 0 can be returned (bought 2, already returned 2)");

        order.releaseReturned(List.of(returned("L1", 2)));
        assertThat(order.returnedUnits("L1")).isZero();
        assertThat(policy.check(order, request(line("L1", 2)), NOW)).isEmpty();
    }

    @Test
    void aGuestsOrderMayBeReturnedButNotOneThatShippedNowhere() {
        assertThat(policy.check(guestOrder("MX"), request(line("L1", 1)), NOW)).isEmpty();
        assertThat(policy.check(guestOrder(null), request(line("L1", 1)), NOW))
                .containsExactly(new FieldViolation("orderId",
                        "order MX-1 has no shipping country, so no return label can be made for it"));
    }

    @Test
    void everyReasonIsReportedAtOnce() {
        List<FieldViolation> violations = policy.check(order(null, null),
                request(line("L1", 3), line("L9", 1)), NOW);
        assertThat(violations).extracting(FieldViolation::field)
                .containsExactly("orderId", "lines[0].quantity", "lines[1].lineId");
    }

    private static OrderSnapshot order(Instant deliveredAt, Instant cancelledAt) {
        return order("cust-1", "MX", deliveredAt, cancelledAt);
    }

    /** A delivered guest's order (no customer id, no locale) shipped to {@code country}. */
    private static OrderSnapshot guestOrder(String country) {
        return order(null, country, DELIVERED, null);
    }

    private static OrderSnapshot order(String customerId, String country, Instant deliveredAt, Instant cancelledAt) {
        String locale = customerId == null ? null : "es-MX";
        StorefrontOrder order = new StorefrontOrder("MX-1", customerId, "ana@example.mx", locale, country, "MXN", List.of(
                new OrderLine("L1", "SKU-1", "Camisa", "apparel", 2, Money.of("499.90", "MXN"), false),
                new OrderLine("L2", "SKU-2", "Tenis", "footwear", 1, Money.of("1299.00", "MXN"), false),
                new OrderLine("L3", "SKU-3", "Tarjeta", "gift", 1, Money.of("500.00", "MXN"), true)),
                DELIVERED.minus(Duration.ofDays(3)), deliveredAt, cancelledAt);
        return OrderSnapshot.from(new StorefrontOrderEvent("e-1", StorefrontOrderEvent.ORDER_PLACED,
                DELIVERED.minus(Duration.ofDays(3)), order));
    }

    private static RequestedLine line(String lineId, int quantity) {
        return new RequestedLine(lineId, quantity, ReasonCode.CHANGED_MIND);
    }

    private static CreateReturnRequest request(RequestedLine... lines) {
        return new CreateReturnRequest("MX-1", List.of(lines), null);
    }

    private static ReturnedLine returned(String lineId, int quantity) {
        return new ReturnedLine(lineId, "SKU", "x", quantity, Money.of("1.00", "MXN"), "OTHER");
    }
}
