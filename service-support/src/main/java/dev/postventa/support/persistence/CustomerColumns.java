package dev.postventa.support.persistence;

import dev.postventa.events.CustomerContact;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The customer contact a service keeps on its own rows (columns {@code customer_id, email, locale, country}), so it
 * can address the customer without reading another service's data.
 */
@Embeddable
public class CustomerColumns {

    @Column(name = "customer_id")
    public String customerId;
    public String email;
    public String locale;
    public String country;

    public static CustomerColumns of(CustomerContact contact) {
        CustomerColumns columns = new CustomerColumns();
        columns.customerId = contact.customerId();
        columns.email = contact.email();
        columns.locale = contact.locale();
        columns.country = contact.country();
        return columns;
    }

    public CustomerContact toContact() {
        return new CustomerContact(customerId, email, locale, country);
    }
}
