package dev.postventa.notifications.messages;

import dev.postventa.support.i18n.CustomerLanguage;
import java.util.List;

/** Picks the language a customer is written in: the exact locale if it has templates, else its language, else English. */
public final class MessageLanguage {

    /** Languages with a template for every message. */
    public static final List<String> AVAILABLE = List.of("es", "pt-BR", "en");
    public static final String FALLBACK = "en";

    private MessageLanguage() {
    }

    public static String of(String locale) {
        return CustomerLanguage.pick(locale, AVAILABLE, FALLBACK);
    }
}
