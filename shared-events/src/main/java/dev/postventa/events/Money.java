package dev.postventa.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money: a decimal amount (serialised as a JSON string such as {@code "1299.00"}, never a
 * floating-point number, so no consumer rounds it through a double) and an upper-case ISO 4217 currency code.
 * The scale is kept as given: {@code "499.90"} stays {@code "499.90"}; use {@link #normalized()} to compare.
 */
public record Money(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        // Fails fast on codes that are not ISO 4217 (including lower-case ones), naming the culprit.
        currencyOf(currency);
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO.setScale(currencyOf(currency).getDefaultFractionDigits()), currency);
    }

    /**
     * The same amount at the currency's usual scale (2 for MXN/BRL/EUR) when no digit is lost, e.g. after reading
     * it back from a NUMERIC(19,4) column; {@link BigDecimal#equals} would otherwise tell 10.5000 from 10.50.
     */
    public Money normalized() {
        int digits = currencyOf(currency).getDefaultFractionDigits();
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() <= digits ? new Money(amount.setScale(digits), currency) : new Money(stripped, currency);
    }

    public Money times(int quantity) {
        return new Money(amount.multiply(BigDecimal.valueOf(quantity)), currency);
    }

    public Money plus(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
        }
        return new Money(amount.add(other.amount), currency);
    }

    private static Currency currencyOf(String code) {
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            // The JDK's message is empty; this one reaches the DLQ record and the problem+json response.
            throw new IllegalArgumentException("not an ISO 4217 currency code: " + code, e);
        }
    }
}
