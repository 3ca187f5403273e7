package dev.postventa.notifications.messages;

import java.util.List;
import java.util.Locale;

/** Picks the language a customer is written in: the exact locale if it has templates, else its language, else English. */
public final class MessageLanguage {

    /** Languages with a template for every message. */
    public static final List<String> AVAILABLE = List.of("es", "pt-BR", "en");
    public static final String FALLBACK = "en";

    private MessageLanguage() {
    }

    public static String of(String locale) {
        Locale requested = LocaleTags.parse(locale);
        if (requested.getLanguage().isEmpty()) {
            return FALLBACK;
        }
        for (String language : AVAILABLE) {
            if (Locale.forLanguageTag(language).equals(requested)) {
                return language;
            }
        }
        for (String language : AVAILABLE) {
            if (Locale.forLanguageTag(language).getLanguage().equals(requested.getLanguage())) {
                return language;
            }
        }
        return FALLBACK;
    }
}
