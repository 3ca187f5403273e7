package dev.postventa.notifications.messages;

import dev.postventa.events.Money;
import dev.postventa.support.i18n.CustomerLanguage;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Set;

/**
 * Writes an amount the way the customer's country writes money. The ISO currency code follows only when the symbol
 * alone does not say which currency it is (a bare {@code $} is the peso of Mexico as much as the US dollar):
 * {@code $2,298.80 MXN} (es-MX), but {@code R$ 1.299,00} (pt-BR) and {@code 49,95 €} (de-DE).
 */
public final class LocalMoney {

    /** Symbols that several currencies print: the code is added after them. */
    private static final Set<String> SHARED_SYMBOLS = Set.of("$", "¥", "￥", "kr", "kr.", "£", "Fr.");

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
        String symbol = format instanceof DecimalFormat decimal ? decimal.getDecimalFormatSymbols().getCurrencySymbol()
                : currency.getCurrencyCode();
        boolean ambiguous = SHARED_SYMBOLS.contains(symbol.strip());
        return !ambiguous || text.contains(currency.getCurrencyCode()) ? text : text + " " + currency.getCurrencyCode();
    }

    /** The locale's own region if it has one, else the order's country ({@code es} + {@code MX}), else en-US. */
    static Locale formattingLocale(String locale, String country) {
        Locale requested = CustomerLanguage.parse(locale);
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
