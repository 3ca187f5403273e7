package dev.postventa.refunds.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.Money;
import dev.postventa.events.credit.StoreCreditExpired;
import dev.postventa.events.credit.StoreCreditIssued;
import dev.postventa.events.credit.StoreCreditRedeemed;
import dev.postventa.support.persistence.CustomerColumns;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The account's rules without infrastructure: issue with expiry, FIFO redemption that never overdraws, expiry. */
class StoreCreditAccountTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final CustomerContact ANA = new CustomerContact("cust-ana", "ana@example.mx", "es-MX", "MX");

    @Test
    void anIssueAddsTheCreditWithItsBonusAndExpiresAfterTheValidity() {
        StoreCreditAccount account = account();
        UUID returnId = UUID.randomUUID();

        var issued = account.issue(UUID.randomUUID(), returnId, "MX-1", CreditAmounts.of(Money.of("100.00", "MXN"),
                BigDecimal.TEN), ANA, Duration.ofDays(365), NOW);

        StoreCreditIssued event = issued.event();
        assertThat(event.amount()).isEqualTo(Money.of("110.00", "MXN"));
        assertThat(event.bonus()).isEqualTo(Money.of("10.00", "MXN"));
        assertThat(event.balance()).isEqualTo(Money.of("110.00", "MXN"));
        assertThat(event.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(365)));
        assertThat(event.accountId()).isEqualTo(account.id);
        assertThat(event.returnId()).isEqualTo(returnId);
        assertThat(issued.entry().remaining).isEqualByComparingTo("110.00");
        assertThat(issued.entry().balanceAfter).isEqualByComparingTo("110.00");
    }

    @Test
    void aRedemptionSpendsTheOldestExpiringCreditFirst() {
        StoreCreditAccount account = account();
        StoreCreditEntry later = issue(account, "30.00", Duration.ofDays(300));
        StoreCreditEntry sooner = issue(account, "20.00", Duration.ofDays(10));

        StoreCreditRedeemed event = account.redeem(UUID.randomUUID(), Money.of("25.00", "MXN"), "cart-1", "k1", "f",
                List.of(sooner, later), NOW).event();

        assertThat(sooner.remaining).isEqualByComparingTo("0");
        assertThat(later.remaining).isEqualByComparingTo("25.00");
        assertThat(event.balance()).isEqualTo(Money.of("25.00", "MXN"));
        assertThat(event.amount()).isEqualTo(Money.of("25.00", "MXN"));
        assertThat(event.reference()).isEqualTo("cart-1");
    }

    @Test
    void aRedemptionLargerThanTheBalanceChangesNothing() {
        StoreCreditAccount account = account();
        StoreCreditEntry issue = issue(account, "5.00", Duration.ofDays(10));

        assertThatThrownBy(() -> account.redeem(UUID.randomUUID(), Money.of("10.00", "MXN"), "cart-1", "k1", "f",
                List.of(issue), NOW))
                .isInstanceOf(InsufficientStoreCreditException.class)
                .hasMessage("insufficient store credit, balance 5.00 MXN");
        assertThat(account.balance).isEqualByComparingTo("5.00");
        assertThat(issue.remaining).isEqualByComparingTo("5.00");
    }

    @Test
    void expiryRemovesOnlyTheUnspentPart() {
        StoreCreditAccount account = account();
        StoreCreditEntry issue = issue(account, "55.00", Duration.ofDays(1));
        account.redeem(UUID.randomUUID(), Money.of("50.00", "MXN"), "cart-1", "k1", "f", List.of(issue), NOW);

        StoreCreditExpired event = account.expire(UUID.randomUUID(), issue, NOW.plus(Duration.ofDays(2))).event();

        assertThat(event.amount()).isEqualTo(Money.of("5.00", "MXN"));
        assertThat(event.balance()).isEqualTo(Money.zero("MXN"));
        assertThat(event.issuedEntryId()).isEqualTo(issue.id);
        assertThat(issue.remaining).isEqualByComparingTo("0");
        assertThat(account.expire(UUID.randomUUID(), issue, NOW.plus(Duration.ofDays(3)))).as("all gone").isNull();
    }

    @Test
    void creditIsNotExpiredBeforeItsTime() {
        StoreCreditAccount account = account();
        StoreCreditEntry issue = issue(account, "5.00", Duration.ofDays(1));

        assertThatThrownBy(() -> account.expire(UUID.randomUUID(), issue, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(account.balance).isEqualByComparingTo("5.00");
    }

    private static StoreCreditEntry issue(StoreCreditAccount account, String amount, Duration validity) {
        return account.issue(UUID.randomUUID(), UUID.randomUUID(), "MX-1", CreditAmounts.of(Money.of(amount, "MXN"),
                BigDecimal.ZERO), ANA, validity, NOW).entry();
    }

    private static StoreCreditAccount account() {
        StoreCreditAccount account = new StoreCreditAccount();
        account.id = UUID.randomUUID();
        account.customerKey = "cust-ana";
        account.currency = "MXN";
        account.balance = BigDecimal.ZERO;
        account.contact = CustomerColumns.of(ANA);
        account.createdAt = NOW;
        account.updatedAt = NOW;
        return account;
    }
}
