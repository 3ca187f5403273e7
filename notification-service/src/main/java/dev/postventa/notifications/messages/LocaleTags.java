package dev.postventa.notifications.messages;

import java.util.Locale;

/** Reads the locale of an order as sent by storefronts: BCP 47 ({@code es-MX}), or Java style ({@code pt_BR}). */
final class LocaleTags {

    private LocaleTags() {
    }

    /** The locale, or {@link Locale#ROOT} when there is none. */
    static Locale parse(String tag) {
        return tag == null || tag.isBlank() ? Locale.ROOT : Locale.forLanguageTag(tag.strip().replace('_', '-'));
    }
}
