package dev.postventa.notifications.messages;

import dev.postventa.events.Money;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.IllformedLocaleException;
import java.util.Locale;

/**
 * Writes an amount the way the customer's country writes money, followed by the ISO currency code unless the symbol
 * already is that code: {@code $2,298.80 MXN} (es-MX), {@code R$ 1.299,00 BRL} (pt-BR), {@code 49,95 € EUR} (de-DE).
 */
public final class LocalMoney {

    private LocalMoney() {
    }

    public static String format(Money money, String locale, String country) {
        Currency currency = Currency.getInstance(money.currency());
        NumberFormat format = NumberFormat.getCurrencyInstance(formattingLocale(locale, country));
        format.setCurrency(currency);
        int digits = currency.getDefaultFractionDigits();
        if (digits >= 0) {
            format.setMinimumFractionDigits(digits);
            format.setMaximumFractionDigits(digits);
        }
        String text = format.format(money.amount());
        return text.contains(currency.getCurrencyCode()) ? text : text + " " + currency.getCurrencyCode();
    }

    /** The locale's own region if it has one, else the order's country ({@code es} + {@code MX}), else en-US. */
    static Locale formattingLocale(String locale, String country) {
        Locale requested = LocaleTags.parse(locale);
        if (requested.getLanguage().isEmpty()) {
            return Locale.US;
        }
        if (!requested.getCountry().isEmpty() || country == null || country.isBlank()) {
            return requested;
        }
        try {
            return new Locale.Builder().setLanguage(requested.getLanguage()).setRegion(country.strip()).build();
        } catch (IllformedLocaleException e) {
            return requested;
        }
    }
}
