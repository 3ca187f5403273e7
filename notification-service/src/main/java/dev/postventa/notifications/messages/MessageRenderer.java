package dev.postventa.notifications.messages;

import dev.postventa.events.Money;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a message from its Qute template in the customer's language: the exact locale if there is a template for
 * it, else its language, else English. The template's first line is the subject. Amounts are formatted the way
 * the customer's country writes money.
 */
@ApplicationScoped
public class MessageRenderer {

    static final List<String> LANGUAGES = List.of("es", "pt-BR", "en");

    private final Engine engine;

    MessageRenderer(Engine engine) {
        this.engine = engine;
    }

    /** Subject and text of a message, and the template language used. */
    public record Rendered(String language, String subject, String body) {
    }

    public Rendered render(String template, String locale, Map<String, Object> data) {
        String language = languageFor(locale);
        Template t = engine.getTemplate("messages/" + template + "/" + language + ".txt");
        if (t == null) {
            throw new IllegalStateException("no template messages/" + template + "/" + language);
        }
        Locale formatting = Locale.forLanguageTag(locale == null ? "en" : locale);
        var instance = t.instance();
        data.forEach((key, value) -> instance.data(key, value instanceof Money money ? format(money, formatting) : value));
        String text = instance.render().strip();
        int firstBreak = text.indexOf('\n');
        return new Rendered(language, text.substring(0, firstBreak).strip(), text.substring(firstBreak + 1).strip() + "\n");
    }

    static String languageFor(String locale) {
        if (locale == null) {
            return "en";
        }
        Locale requested = Locale.forLanguageTag(locale);
        for (String language : LANGUAGES) {
            if (Locale.forLanguageTag(language).equals(requested)) {
                return language;
            }
        }
        for (String language : LANGUAGES) {
            if (Locale.forLanguageTag(language).getLanguage().equals(requested.getLanguage())) {
                return language;
            }
        }
        return "en";
    }

    static String format(Money money, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale.getCountry().isEmpty() ? Locale.US : locale);
        Currency currency = Currency.getInstance(money.currency());
        format.setCurrency(currency);
        format.setMinimumFractionDigits(currency.getDefaultFractionDigits());
        format.setMaximumFractionDigits(currency.getDefaultFractionDigits());
        return format.format(money.amount()) + " " + currency.getCurrencyCode();
    }
}
