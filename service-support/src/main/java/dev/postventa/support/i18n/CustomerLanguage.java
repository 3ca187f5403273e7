package dev.postventa.support.i18n;

import java.util.List;
import java.util.Locale;

/**
 * The language a customer is addressed in, from the locale their order carries: storefronts send BCP 47
 * ({@code es-MX}) or Java style ({@code pt_BR}), sometimes nothing. Shared by the emails (notification-service) and the
 * survey page (returns-service), so a customer reads both in the same language.
 */
public final class CustomerLanguage {

    private CustomerLanguage() {
    }

    /** The locale, or {@link Locale#ROOT} when there is none. */
    public static Locale parse(String tag) {
        return tag == null || tag.isBlank() ? Locale.ROOT : Locale.forLanguageTag(tag.strip().replace('_', '-'));
    }

    /**
     * Of {@code available} language tags: the exact locale if it is one, else the first with its language, else
     * {@code fallback}.
     */
    public static String pick(String locale, List<String> available, String fallback) {
        Locale requested = parse(locale);
        if (requested.getLanguage().isEmpty()) {
            return fallback;
        }
        for (String language : available) {
            if (Locale.forLanguageTag(language).equals(requested)) {
                return language;
            }
        }
        for (String language : available) {
            if (Locale.forLanguageTag(language).getLanguage().equals(requested.getLanguage())) {
                return language;
            }
        }
        return fallback;
    }
}
