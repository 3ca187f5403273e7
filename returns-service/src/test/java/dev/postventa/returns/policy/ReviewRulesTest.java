package dev.postventa.returns.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postventa.events.Money;
import dev.postventa.events.ReturnedLine;
import dev.postventa.events.storefront.OrderLine;
import dev.postventa.events.storefront.StorefrontOrder;
import dev.postventa.events.storefront.StorefrontOrderEvent;
import dev.postventa.returns.orders.OrderSnapshot;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which manual-review rules a new return trips, without a database. */
class ReviewRulesTest {

    private final ReviewRules rules = new ReviewRules(Map.of("MXN", new BigDecimal("10000")), 5,
            Duration.ofDays(90), true);
    private final OrderSnapshot order = order();

    @Test
    void aLowValueUnflaggedReturnOfANewCustomerTripsNothing() {
        assertThat(rules.reasons(order, List.of(returned("TV", 1, "9999.99")), 0)).isEmpty();
    }

    @Test
    void aTotalAtTheThresholdOfItsCurrencyIsHighValue() {
        assertThat(rules.reasons(order, List.of(returned("TV", 2, "5000.00")), 0))
                .containsExactly("high value (10000.00 MXN, review from 10000 MXN)");
        // No threshold for the currency: the rule does not apply.
        ReviewRules euroOnly = new ReviewRules(Map.of("EUR", new BigDecimal("500")), 5, Duration.ofDays(90), true);
        assertThat(euroOnly.reasons(order, List.of(returned("TV", 2, "5000.00")), 0)).isEmpty();
    }

    @Test
    void aCustomerWithTheThresholdsRecentReturnsIsASerialReturner() {
        assertThat(rules.reasons(order, List.of(returned("TV", 1, "10.00")), 4)).isEmpty();
        assertThat(rules.reasons(order, List.of(returned("TV", 1, "10.00")), 5))
                .containsExactly("serial returner (at least 5 returns in the last 90 days)");
        ReviewRules off = new ReviewRules(Map.of(), 0, Duration.ofDays(90), true);
        assertThat(off.countsRecentReturns()).isFalse();
        assertThat(off.reasons(order, List.of(returned("TV", 1, "10.00")), 50)).isEmpty();
    }

    @Test
    void aLineTheStorefrontFlaggedIsReviewedUnlessFlagsAreIgnored() {
        assertThat(rules.reasons(order, List.of(returned("TV", 1, "10.00"), returned("PHONE", 1, "10.00")), 0))
                .containsExactly("flagged by the storefront (line PHONE)");
        ReviewRules ignoreFlags = new ReviewRules(Map.of(), 5, Duration.ofDays(90), false);
        assertThat(ignoreFlags.reasons(order, List.of(returned("PHONE", 1, "10.00")), 0)).isEmpty();
    }

    @Test
    void everyRuleThatFiresIsNamed() {
        assertThat(rules.reasons(order, List.of(returned("PHONE", 1, "12000.00")), 7)).containsExactly(
                "high value (12000.00 MXN, review from 10000 MXN)",
                "serial returner (at least 5 returns in the last 90 days)",
                "flagged by the storefront (line PHONE)");
    }

    @Test
    void aShopThatReviewsEveryReturnHoldsItForThatReasonBeforeTheRules() {
        assertThat(ReviewRules.withAutoApproval(true, List.of())).isEmpty();
        assertThat(ReviewRules.withAutoApproval(true, List.of("flagged by the storefront (line PHONE)")))
                .containsExactly("flagged by the storefront (line PHONE)");
        assertThat(ReviewRules.withAutoApproval(false, List.of())).containsExactly(
                "every return is reviewed by operations (RETURN_AUTO_APPROVE=false)");
        assertThat(ReviewRules.withAutoApproval(false, List.of("flagged by the storefront (line PHONE)")))
                .containsExactly("every return is reviewed by operations (RETURN_AUTO_APPROVE=false)",
                        "flagged by the storefront (line PHONE)");
    }

    private static ReturnedLine returned(String lineId, int quantity, String unitPrice) {
        return new ReturnedLine(lineId, "SKU-" + lineId, lineId, quantity, Money.of(unitPrice, "MXN"), "OTHER");
    }

    private static OrderSnapshot order() {
        Instant placed = Instant.parse("2026-06-01T12:00:00Z");
        StorefrontOrder order = new StorefrontOrder("MX-9", "cust-9", "eva@example.mx", "es-MX", "MX", "MXN", List.of(
                new OrderLine("TV", "SKU-TV", "Televisor", "electronics", 2, Money.of("5000.00", "MXN"), false),
                new OrderLine("PHONE", "SKU-PHONE", "Teléfono", "electronics", 1, Money.of("12000.00", "MXN"), false,
                        "P-PHONE", true)),
                placed, placed.plus(Duration.ofDays(2)), null);
        return OrderSnapshot.from(new StorefrontOrderEvent("e-9", StorefrontOrderEvent.ORDER_DELIVERED,
                placed.plus(Duration.ofDays(2)), order));
    }
}
