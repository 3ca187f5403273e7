package dev.postventa.refunds.credit;

import dev.postventa.events.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * What a credit owed for a return becomes once the shop's bonus is added: {@code owed × (1 + bonus% / 100)}, rounded
 * to the currency's digits (2 for MXN, BRL, EUR) half-even, the rounding that does not drift either way over many
 * credits. Never more than the owed amount plus its bonus, never less than the owed amount.
 *
 * @param issued the credit added to the account, bonus included
 * @param bonus {@code issued − owed}
 */
public record CreditAmounts(Money issued, Money bonus) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public static CreditAmounts of(Money owed, BigDecimal bonusPercent) {
        if (owed.amount().signum() <= 0) {
            throw new IllegalArgumentException("no credit is owed: " + owed.amount().toPlainString());
        }
        if (bonusPercent.signum() < 0) {
            throw new IllegalArgumentException("a bonus cannot be negative: " + bonusPercent.toPlainString());
        }
        int digits = Currency.getInstance(owed.currency()).getDefaultFractionDigits();
        BigDecimal factor = BigDecimal.ONE.add(bonusPercent.divide(HUNDRED));
        BigDecimal issued = owed.amount().multiply(factor).setScale(digits, RoundingMode.HALF_EVEN);
        // An owed amount with more digits than the currency has (allowed by the contract, up to 4) must not lose
        // any of it to the rounding: the customer gets at least what was owed.
        if (issued.compareTo(owed.amount()) < 0) {
            issued = owed.amount().setScale(digits, RoundingMode.CEILING);
        }
        BigDecimal bonus = issued.subtract(owed.amount());
        if (bonus.signum() < 0) {
            bonus = BigDecimal.ZERO;
        }
        return new CreditAmounts(new Money(issued, owed.currency()).normalized(),
                new Money(bonus, owed.currency()).normalized());
    }
}
