package dev.postventa.events;

/**
 * Who to talk to about a return, copied along the journey so that every service can address the customer
 * without reading another service's data.
 *
 * @param locale BCP 47 language tag of the order, e.g. {@code es-MX}, {@code pt-BR}, {@code en}
 * @param country ISO 3166-1 alpha-2 country of the order
 */
public record CustomerContact(String customerId, String email, String locale, String country) {
}
