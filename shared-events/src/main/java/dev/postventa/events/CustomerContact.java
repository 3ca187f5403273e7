package dev.postventa.events;

/**
 * Who to talk to about a return, copied along the journey so that every service can address the customer
 * without reading another service's data.
 *
 * @param customerId the storefront's customer id; null for a guest checkout (the storefront contract allows it)
 * @param locale BCP 47 language tag of the order, e.g. {@code es-MX}, {@code pt-BR}, {@code en}; never null once
 *     read: a missing or blank one becomes the default of {@code country} ({@link Locales#forCountry})
 * @param country ISO 3166-1 alpha-2 country of the order
 */
public record CustomerContact(@MayBeNull String customerId, String email, String locale, String country) {

    public CustomerContact {
        // Defaulted here, where every service builds or decodes a contact, so the rule cannot differ between them.
        locale = Locales.orDefault(locale, country);
    }
}
